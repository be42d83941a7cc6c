package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.ApplicationAction;
import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * 好差评 on application.xhtml: after the outcome the enterprise rates the handling, 1 to 5 stars
 * with an optional comment, once; afterwards the page shows the rating as given.
 */
@Named
@ViewScoped
public class EvaluationBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  ApplicationService applications;

  @Inject
  ApplicationBean page;

  private Integer score;
  private String comment;

  public boolean isCanEvaluate() {
    return page.can(ApplicationAction.EVALUATE);
  }

  public ApplicationView.EvaluationView getEvaluation() {
    ApplicationView v = page.getView();
    return v == null ? null : v.evaluation();
  }

  public void evaluate() {
    if (score == null || score < 1) {
      Pages.fieldError("f:evalScore", "请选择 1 到 5 星。");
      return;
    }
    if (Pages.attempt(() -> applications.evaluate(current.require(), page.getId(), score,
        comment)) != null) {
      Pages.info("感谢您的评价，评价已记录，将用于改进服务。");
      score = null;
      comment = null;
    }
    page.refresh();
  }

  public Integer getScore() { return score; }
  public void setScore(Integer value) { this.score = value; }
  public String getComment() { return comment; }
  public void setComment(String value) { this.comment = value; }
}
