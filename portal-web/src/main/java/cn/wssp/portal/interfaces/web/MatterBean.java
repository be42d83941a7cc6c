package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Service guides (办事指南): the list and one matter's six disclosures; starts an application. */
@Named
@ViewScoped
public class MatterBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  MatterCatalog catalog;

  @Inject
  ApplicationService applications;

  @Inject
  CurrentActor current;

  private String code;
  private boolean missing;
  // Views are plain records, read again after a session moved to another instance.
  private transient MatterView matter;
  private transient List<MatterView> all;

  public List<MatterView> getAll() {
    if (all == null) {
      all = Pages.attempt(() -> catalog.all());
      if (all == null) {
        all = List.of();
      }
    }
    return all;
  }

  /** View action of matter.xhtml?code=…: an unknown code says so instead of an empty page. */
  public void load() {
    if (code == null || code.isBlank()) {
      missing = true;
      Pages.error("请从办事指南中选择办理事项。");
      return;
    }
    getMatter();
  }

  public MatterView getMatter() {
    if (matter == null && !missing && code != null && !code.isBlank()) {
      matter = Pages.attempt(() -> catalog.one(code.trim()));
      missing = matter == null;
    }
    return matter;
  }

  public void apply() {
    ApplicationService.Draft draft =
        Pages.attempt(() -> applications.continueOrCreate(current.require(), code));
    if (draft != null) {
      Application app = draft.application();
      Pages.info(draft.continued()
          ? "继续办理您尚未提交的申请 " + app.number() + "（同一事项不重复创建）。"
          : "已创建申请 " + app.number() + "，请逐项上传申请材料后提交。");
      Pages.redirect("/app/application.xhtml?id=" + app.id());
    }
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
}
