package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.AcceptanceService;
import cn.wssp.portal.application.Actor;
import cn.wssp.portal.application.ApplicationAction;
import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.application.ApplicationViews;
import cn.wssp.portal.application.AuditTrail;
import cn.wssp.portal.application.DecisionService;
import cn.wssp.portal.application.ReviewOpinions;
import cn.wssp.portal.domain.model.AcceptanceAction;
import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.DecisionOutcome;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.Verdict;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * One application's page: materials and uploads for the applicant, the pre-review (polled
 * while it runs), the commitment, the window's acceptance, the chief representative's sealed
 * decision, the documents and, for staff, the audit trail. Every step goes through the
 * application services with the logged-in actor; a refusal shows as a message on the page.
 */
@Named
@ViewScoped
public class ApplicationBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One line of the audit trail as the page shows it. */
  public record TrailRow(String time, String actor, String action, String from, String to, String detail) {}

  @Inject
  CurrentActor current;

  @Inject
  ApplicationViews views;

  @Inject
  ApplicationService applications;

  @Inject
  AcceptanceService acceptance;

  @Inject
  DecisionService decisions;

  @Inject
  ReviewOpinions opinions;

  @Inject
  cn.wssp.portal.application.ReviewSupplements reviewSupplements;

  @Inject
  AuditTrail audit;

  @Inject
  Formats fmt;

  @Inject
  cn.wssp.portal.domain.model.AccountRepository accounts;

  private Long id;
  private boolean unavailable;
  // A plain record, read again when missing (e.g. after the session moved to another instance).
  private transient ApplicationView view;
  private String reason;
  private String outcome = "APPROVE";
  private String decisionText;
  private String pin;
  private String signerDepartment;
  private String opinionOutcome = "APPROVE";
  private String opinionReason;
  private List<String> commitMaterials = new ArrayList<>();
  // 受理工作台: the material shown in the preview frame, and the 不采纳 reasons being typed.
  private String previewMaterial;
  private Map<Long, String> overruleReasons = new HashMap<>();
  private LocalDate commitDue;

  /** View action of application.xhtml?id=…. */
  public void load() {
    if (id == null) {
      unavailable = true;
      Pages.error("缺少或无效的申请编号，请从申请列表打开。");
      return;
    }
    refresh();
  }

  /** The ?id= of the address, read leniently: anything but a number is "not found". */
  public String getIdParam() {
    return id == null ? null : id.toString();
  }

  public void setIdParam(String value) {
    try {
      id = value == null || value.isBlank() ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      id = null;
    }
  }

  public void refresh() {
    view = Pages.attempt(() -> views.of(current.require(), id));
    unavailable = view == null;
  }

  public ApplicationView getView() {
    if (view == null && !unavailable && id != null) {
      refresh();
    }
    return view;
  }

  /**
   * p:remoteCommand materialUploaded: upload.js sent the file straight to the REST API (streamed,
   * with real progress) and calls this with the row's material code; the page reads the
   * application again and says what was stored, as the server recorded it.
   */
  public void uploaded() {
    String material = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
        .getRequestParameterMap().get("material");
    refresh();
    ApplicationView v = view;
    if (v == null || material == null) {
      return;
    }
    v.checklist().stream().filter(m -> material.equals(m.materialCode()) && m.uploaded())
        .findFirst().ifPresent(m -> Pages.info(java.text.MessageFormat.format(
            Pages.label("material.uploaded"), m.fileName(), fmt.type(m.mediaType()),
            fmt.size(m.size()))));
  }

  public void submit() {
    var submitted = Pages.attempt(() -> applications.submit(current.require(), id));
    if (submitted != null && submitted.status() == ApplicationStatus.UNDER_REVIEW) {
      Pages.info("补正材料已提交，审查时限恢复计算（顺延至 " + submitted.reviewDue() + "）。");
    } else if (submitted != null) {
      Pages.info("已提交，系统正在自动预审，结果将在几秒内显示在本页。");
    }
    refresh();
  }

  public void withdraw() {
    if (Pages.attempt(() -> applications.withdraw(current.require(), id)) != null) {
      Pages.info("申请已撤回。");
    }
    refresh();
  }

  public void signCommitment() {
    if (Pages.attempt(() -> applications.signCommitment(current.require(), id, commitMaterials,
        commitDue)) != null) {
      Pages.info("承诺书已签署，请在 " + fmt.date(commitDue) + " 前补交承诺的材料。");
      commitMaterials = new ArrayList<>();
    }
    refresh();
  }

  public void accept() {
    window(AcceptanceAction.ACCEPT, "已受理，《受理通知书》已生成。");
  }

  public void requestSupplement() {
    window(AcceptanceAction.SUPPLEMENT, "已发出《补正材料一次性告知书》。");
  }

  public void refuse() {
    window(AcceptanceAction.NOT_ACCEPT, "已发出《不予受理通知书》。");
  }

  private void window(AcceptanceAction action, String done) {
    Document d = Pages.attempt(() -> acceptance.decide(current.require(), id, action, reason));
    if (d != null) {
      Pages.info(done + "文书编号 " + d.number() + "。");
      reason = null;
    }
    refresh();
  }

  /** 签章…: outcome and text are checked before the PIN dialog opens (it restates them). */
  public void prepareSign() {
    try {
      DecisionOutcome.valueOf(outcome);
    } catch (RuntimeException e) {
      Pages.invalid("f:outcome", "请选择准予或不予许可。");
    }
  }

  /** Signs from the dialog: a refusal (wrong PIN, lock-out) stays next to the PIN there. */
  public void decide() {
    DecisionOutcome chosen;
    try {
      chosen = DecisionOutcome.valueOf(outcome);
    } catch (RuntimeException e) {
      Pages.fieldError("f:pin", "请选择准予或不予许可。");
      return;
    }
    DecisionService.Result r = Pages.attemptAt("f:pin", () ->
        decisions.decide(current.require(), id, chosen, decisionText, pin));
    pin = null; // re-entered for every signature, never kept
    if (r == null) {
      return; // the dialog stays open; the page did not change
    }
    if (r.issued() != null) {
      Document d = r.issued();
      Pages.info("已签章：《" + d.kind().title() + "》文书编号 " + d.number() + "。");
    } else {
      Pages.info("本部门的决定已记录；其他部门均作出决定后签发联办决定书。");
    }
    decisionText = null;
    refresh();
    Pages.signed();
  }

  /** The decision text as the signing dialog restates it. */
  public String getDecisionExcerpt() {
    return excerpt(decisionText);
  }

  public String excerpt(String text) {
    return Pages.excerpt(text, 120);
  }

  /** The signer's department, whose 行政许可专用章 the signature applies. */
  public String getSignerDepartment() {
    if (signerDepartment == null) {
      signerDepartment = accounts.find(current.require().userId())
          .map(u -> u.department() == null ? "" : u.department().name()).orElse("");
    }
    return signerDepartment;
  }

  /** 审查意见 of the department's reviewer. */
  public void giveOpinion() {
    DecisionOutcome chosen;
    try {
      chosen = DecisionOutcome.valueOf(opinionOutcome);
    } catch (RuntimeException e) {
      Pages.fieldError("f:opinionOutcome", "请选择同意或不同意许可。");
      return;
    }
    if (Pages.attempt(() -> opinions.give(current.require(), id, chosen, opinionReason)) != null) {
      Pages.info("审查意见已记录，本部门首席代表决定时可见。");
      opinionReason = null;
    }
    refresh();
  }

  /** 审查补正 of a deciding department's reviewer or chief: the review clock pauses. */
  public void requestReviewSupplement() {
    if (Pages.attempt(() -> reviewSupplements.request(current.require(), id, supplementReason,
        supplementMaterials)) != null) {
      Pages.info("已告知申请人补正，审查时限暂停计算，申请人重新提交后恢复。");
      supplementReason = null;
      supplementMaterials = new java.util.ArrayList<>();
    }
    refresh();
  }

  public boolean isCanRequestReviewSupplement() {
    return can(ApplicationAction.REVIEW_SUPPLEMENT);
  }

  /** The applicant hands in an open 审查补正 (upload the named materials, then submit). */
  public boolean isCanHandInReviewSupplement() {
    return can(ApplicationAction.SUPPLY_REVIEW_SUPPLEMENT);
  }

  private String supplementReason;
  private List<String> supplementMaterials = new java.util.ArrayList<>();

  public String getSupplementReason() { return supplementReason; }
  public void setSupplementReason(String value) { this.supplementReason = value; }
  public List<String> getSupplementMaterials() { return supplementMaterials; }
  public void setSupplementMaterials(List<String> value) { this.supplementMaterials = value; }

  public boolean isCanGiveOpinion() {
    return can(ApplicationAction.OPINION);
  }

  /** A joint matter (联办件): the departments' decisions are shown one by one. */
  public boolean isJoint() {
    ApplicationView v = getView();
    return v != null && v.departmentDecisions().size() > 1;
  }

  public String getOpinionOutcome() { return opinionOutcome; }
  public void setOpinionOutcome(String value) { this.opinionOutcome = value; }
  public String getOpinionReason() { return opinionReason; }
  public void setOpinionReason(String value) { this.opinionReason = value; }

  // --- what the page shows ---------------------------------------------------------------

  private ApplicationStatus status() {
    ApplicationView v = getView();
    return v == null ? null : ApplicationStatus.valueOf(v.status());
  }

  /**
   * What the actor may do now: the application layer's answer, never re-derived here (also for
   * the page's other sections, {@link ForwardingBean} and {@link EvaluationBean}).
   */
  public boolean can(ApplicationAction action) {
    ApplicationView v = getView();
    return v != null && v.actions().contains(action);
  }

  public boolean isApplicant() {
    return current.get().map(a -> a.has(Role.APPLICANT)).orElse(false);
  }

  public boolean isStaff() {
    return current.get().map(Actor::isStaff).orElse(false);
  }

  public boolean isEditable() {
    return can(ApplicationAction.EDIT_MATERIALS);
  }

  public boolean isCanWithdraw() {
    return can(ApplicationAction.WITHDRAW);
  }

  public boolean isAwaitingPreReview() {
    return status() == ApplicationStatus.SUBMITTED;
  }

  public boolean isCanCommit() {
    return can(ApplicationAction.COMMIT);
  }

  /** Why this enterprise may not sign a commitment (失信名单), said instead of the form. */
  public String getCommitmentRefusal() {
    return view == null ? null : view.commitmentRefusal();
  }

  public boolean isClerkCanAct() {
    return can(ApplicationAction.ACCEPTANCE);
  }

  public boolean isChiefCanAct() {
    return can(ApplicationAction.DECISION);
  }

  /** An upload control for this row: while editable, or a promised material after acceptance. */
  public boolean canUpload(String materialCode) {
    ApplicationView v = getView();
    return isEditable() || (v != null && v.actions().contains(ApplicationAction.SUPPLY_PROMISED)
        && v.commitment() != null && v.commitment().materials().contains(materialCode))
        || (v != null && v.actions().contains(ApplicationAction.SUPPLY_REVIEW_SUPPLEMENT)
        && v.reviewSupplement() != null && v.reviewSupplement().materials().contains(materialCode));
  }

  public boolean isCanUploadAny() {
    return isEditable() || can(ApplicationAction.SUPPLY_PROMISED)
        || can(ApplicationAction.SUPPLY_REVIEW_SUPPLEMENT);
  }

  public boolean isCanReadMaterials() {
    return can(ApplicationAction.READ_MATERIALS);
  }

  public boolean isCanReadDocuments() {
    return can(ApplicationAction.READ_DOCUMENTS);
  }

  /** Staff see the audit trail on the page; the enterprise reads its own through the API. */
  public boolean isCanReadTrail() {
    return isStaff() && can(ApplicationAction.READ_AUDIT_TRAIL);
  }

  /** The deadline that is running now (pre-review, then review), beside its light. */
  public boolean isPreReviewClock() {
    return status() != null && ApplicationStatus.AWAITING_ACCEPTANCE.contains(status());
  }

  public int getUploadedCount() {
    ApplicationView v = getView();
    return v == null ? 0 : (int) v.checklist().stream().filter(ApplicationView.Material::uploaded).count();
  }

  public long getBlockingCount() {
    ApplicationView v = getView();
    return v == null || v.preReview() == null ? 0 : v.preReview().blockingCount();
  }

  /** Commitable materials that the pre-review found missing or defective. */
  public List<ApplicationView.Material> getCommitable() {
    ApplicationView v = getView();
    if (v == null || v.preReview() == null) {
      return List.of();
    }
    List<String> flagged = v.preReview().findings().stream()
        .filter(ApplicationView.FindingView::blocking)
        .map(ApplicationView.FindingView::materialCode).toList();
    return v.checklist().stream().filter(m -> m.commitable() && flagged.contains(m.materialCode()))
        .toList();
  }

  public List<TrailRow> getTrail() {
    if (id == null || !isCanReadTrail()) {
      return List.of();
    }
    return audit.forApplication(id).stream().map(e -> new TrailRow(fmt.time(e.at()), e.actor(),
        fmt.action(e.action()), fmt.status(e.fromStatus()), fmt.status(e.toStatus()),
        inWords(e.detail())))
        .toList();
  }

  /** Audit details name the verdict by its code (the chain covers them); the page says it. */
  static String inWords(String detail) {
    if (detail == null) {
      return null;
    }
    String said = detail;
    // Longest first: COMPLETE_WITH_COMMITMENT and INCOMPLETE contain COMPLETE.
    for (Verdict v : List.of(Verdict.COMPLETE_WITH_COMMITMENT, Verdict.INCOMPLETE, Verdict.COMPLETE)) {
      said = said.replaceAll("\\b" + v.name() + "\\b", v.label());
    }
    return said;
  }

  // --- 受理工作台 (the window's desk) and the applicant's per-material findings --------------

  /** Findings about one material, in the pre-review's order (the applicant's exclude 不采纳). */
  public List<ApplicationView.FindingView> findingsFor(String materialCode) {
    ApplicationView v = getView();
    if (v == null || v.preReview() == null) {
      return List.of();
    }
    return v.preReview().findings().stream()
        .filter(f -> materialCode.equals(f.materialCode())).toList();
  }

  /** Findings about the application as a whole (no material named). */
  public List<ApplicationView.FindingView> getGeneralFindings() {
    ApplicationView v = getView();
    if (v == null || v.preReview() == null) {
      return List.of();
    }
    return v.preReview().findings().stream().filter(f -> f.materialCode() == null).toList();
  }

  /** The blocking findings the window has not set aside: what 一次性告知 will list. */
  public List<ApplicationView.FindingView> getRemainingBlocking() {
    ApplicationView v = getView();
    return v == null || v.preReview() == null ? List.of()
        : v.preReview().findings().stream().filter(ApplicationView.FindingView::blocking).toList();
  }

  /**
   * 容缺: a missing material that may follow under a commitment is not a defect to correct;
   * the page says "可容缺，可承诺后补交" instead of a red 须补正.
   */
  public boolean commitableGap(ApplicationView.FindingView f) {
    ApplicationView v = getView();
    return f != null && v != null && "MISSING_MATERIAL".equals(f.code()) && v.checklist().stream()
        .anyMatch(m -> m.materialCode().equals(f.materialCode()) && m.commitable());
  }

  /** The desk shows previews and evidence to the staff who may read the materials. */
  public boolean isDesk() {
    ApplicationView v = getView();
    return v != null && isStaff() && isCanReadMaterials() && v.preReview() != null;
  }

  /** The verdict's colour as a CSS class; the page carries no internal codes, not even there. */
  public String getVerdictStyle() {
    ApplicationView v = getView();
    return v == null || v.preReview() == null ? ""
        : v.preReview().verdict().name().toLowerCase().replace('_', '-');
  }

  public boolean isCanOverrule() {
    return isClerkCanAct() && status() == ApplicationStatus.PRE_REVIEWED;
  }

  /** The material in the preview frame: the chosen one, else the first uploaded with a finding. */
  public ApplicationView.Material getPreview() {
    ApplicationView v = getView();
    if (v == null) {
      return null;
    }
    List<ApplicationView.Material> uploaded = v.checklist().stream()
        .filter(ApplicationView.Material::uploaded).toList();
    return uploaded.stream().filter(m -> m.materialCode().equals(previewMaterial)).findFirst()
        .or(() -> uploaded.stream().filter(m -> !findingsFor(m.materialCode()).isEmpty()).findFirst())
        .or(() -> uploaded.stream().findFirst()).orElse(null);
  }

  /** How the preview shows: "pdf" in a frame, "image" as a picture, "none" (download only). */
  public String previewKind(ApplicationView.Material m) {
    String type = m == null || m.mediaType() == null ? "" : m.mediaType().split(";")[0].trim();
    return switch (type) {
      case "application/pdf" -> "pdf";
      case "image/png", "image/jpeg" -> "image";
      default -> "none";
    };
  }

  public void choosePreview(String materialCode) {
    previewMaterial = materialCode;
  }

  /** 不采纳 of one finding, with the reason typed beside it. */
  public void overrule(Long findingId) {
    String why = overruleReasons.get(findingId);
    if (why == null || why.isBlank()) {
      Pages.error("不采纳预审意见时必须填写理由。");
      return;
    }
    if (Pages.attempt(() -> acceptance.overruleFinding(current.require(), id, findingId, why)) != null) {
      Pages.info("已不采纳该项预审意见，理由已记录。");
      overruleReasons.remove(findingId);
    }
    refresh();
  }

  public Map<Long, String> getOverruleReasons() { return overruleReasons; }

  public String materialName(String code) {
    ApplicationView v = getView();
    if (code == null || code.isBlank() || v == null) {
      return "—";
    }
    return v.checklist().stream().filter(m -> m.materialCode().equals(code))
        .map(m -> fmt.label("materialName", code, m.name())).findFirst().orElse(code);
  }

  /** The materials' names in the page's language, quoted, for a sentence. */
  public String materialNames(List<String> codes) {
    return codes == null ? "" : fmt.quoted(codes.stream().map(this::materialName).toList());
  }

  public LocalDate getTomorrow() {
    return fmt.today().plusDays(1);
  }

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getOutcome() { return outcome; }
  public void setOutcome(String outcome) { this.outcome = outcome; }
  public String getDecisionText() { return decisionText; }
  public void setDecisionText(String decisionText) { this.decisionText = decisionText; }
  public String getPin() { return pin; }
  public void setPin(String pin) { this.pin = pin; }
  public List<String> getCommitMaterials() { return commitMaterials; }
  public void setCommitMaterials(List<String> commitMaterials) { this.commitMaterials = commitMaterials; }
  public LocalDate getCommitDue() { return commitDue; }
  public void setCommitDue(LocalDate commitDue) { this.commitDue = commitDue; }
}
