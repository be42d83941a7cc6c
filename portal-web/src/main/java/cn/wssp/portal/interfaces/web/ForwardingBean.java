package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.ApplicationAction;
import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.application.DecisionService;
import cn.wssp.portal.application.Forwardings;
import cn.wssp.portal.domain.model.DecisionOutcome;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Forwarding;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The 上报件 section of application.xhtml: the department forwards the application to the
 * higher authority, and its chief records the answer and signs the decision. Kept apart from
 * {@link ApplicationBean}, whose view (and actions) it reads and refreshes.
 */
@Named
@ViewScoped
public class ForwardingBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  Forwardings forwardings;

  @Inject
  ApplicationBean page;

  private String authority;
  private String opinion;
  private String outcome;
  private String reference;
  private String text;
  private String pin;

  public boolean isCanForward() {
    return page.can(ApplicationAction.FORWARD);
  }

  public boolean isCanAnswer() {
    return page.can(ApplicationAction.ANSWER_FORWARDING);
  }

  public ApplicationView.ForwardingView getForwarding() {
    ApplicationView v = page.getView();
    return v == null ? null : v.forwarding();
  }

  public void forward() {
    if (Pages.attempt(() -> forwardings.forward(current.require(), page.getId(), authority,
        opinion)) != null) {
      Pages.info("已上报" + authority.trim() + "，审查时限暂停计算；批复返回后由首席代表录入。");
      authority = null;
      opinion = null;
    }
    page.refresh();
  }

  /**
   * 签章…: the outcome and the reference number are checked before the PIN dialog opens (it
   * restates the answer), each refusal next to its field.
   */
  public void prepareAnswer() {
    try {
      DecisionOutcome.valueOf(outcome);
    } catch (RuntimeException e) {
      Pages.invalid("f:replyOutcome", "请选择上级机关的批复结果。");
    }
    try {
      Forwarding.requireReference(reference);
    } catch (DomainException e) {
      Pages.invalid("f:replyReference", Pages.refusal(e));
    }
  }

  /** Signs from the dialog: a refusal stays next to the PIN there. */
  public void answer() {
    DecisionOutcome chosen;
    try {
      chosen = DecisionOutcome.valueOf(outcome);
    } catch (RuntimeException e) {
      Pages.fieldError("f:replyPin", "请选择上级机关的批复结果。");
      return;
    }
    DecisionService.Result r = Pages.attemptAt("f:replyPin", () -> forwardings.answer(current.require(),
        page.getId(), chosen, reference, text, pin));
    pin = null; // re-entered for every signature, never kept
    if (r != null) {
      Document d = r.issued();
      Pages.info("批复已录入，已签章：《" + d.kind().title() + "》文书编号 " + d.number() + "。");
      reference = null;
      text = null;
      page.refresh();
      Pages.signed();
    }
  }

  public String getAuthority() { return authority; }
  public void setAuthority(String value) { this.authority = value; }
  public String getOpinion() { return opinion; }
  public void setOpinion(String value) { this.opinion = value; }
  public String getOutcome() { return outcome; }
  public void setOutcome(String value) { this.outcome = value; }
  public String getReference() { return reference; }
  public void setReference(String value) { this.reference = value; }
  public String getText() { return text; }
  public void setText(String value) { this.text = value; }
  public String getPin() { return pin; }
  public void setPin(String value) { this.pin = value; }
}
