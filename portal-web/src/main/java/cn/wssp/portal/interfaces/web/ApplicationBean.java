package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.*;
import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * One application's page: materials and uploads for the applicant, the pre-review, the
 * commitment, the window's acceptance, the chief representative's decision, documents, trail.
 */
@Named
@ViewScoped
public class ApplicationBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  ApplicationViews views;

  @Inject
  ApplicationService applications;

  @Inject
  MaterialUploads uploads;

  @Inject
  AcceptanceService acceptance;

  @Inject
  DecisionService decisions;

  @Inject
  AuditTrail audit;

  private Long id;
  private ApplicationView view;
  private String reason;
  private String outcome = "APPROVE";
  private String decisionText;
  private String pin;
  private List<String> commitMaterials = new ArrayList<>();
  private LocalDate commitDue;

  public void load() {
    if (id == null) {
      Pages.error("缺少申请编号。");
      return;
    }
    refresh();
  }

  public void refresh() {
    view = Pages.attempt(() -> views.of(current.require(), id));
  }

  /** p:fileUpload listener: the material code travels as a component attribute. */
  public void upload(FileUploadEvent event) {
    String material = (String) event.getComponent().getAttributes().get("material");
    UploadedFile file = event.getFile();
    boolean ok = Pages.attempt(() -> {
      try (InputStream in = file.getInputStream()) {
        uploads.upload(current.require(), id, material, file.getFileName(), in);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    if (ok) {
      Pages.info("已上传「" + file.getFileName() + "」。");
    }
    refresh();
  }

  public void submit() {
    if (Pages.attempt(() -> applications.submit(current.require(), id)) != null) {
      Pages.info("已提交，系统正在自动预审，结果将在几秒内显示。");
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
      Pages.info("承诺书已签署。");
    }
    refresh();
  }

  public void accept() {
    window(AcceptanceService.Action.ACCEPT, "已受理，《受理通知书》已生成。");
  }

  public void requestSupplement() {
    window(AcceptanceService.Action.SUPPLEMENT, "已发出《补正材料一次性告知书》。");
  }

  public void refuse() {
    window(AcceptanceService.Action.NOT_ACCEPT, "已发出《不予受理通知书》。");
  }

  private void window(AcceptanceService.Action action, String done) {
    Document d = Pages.attempt(() -> acceptance.decide(current.require(), id, action, reason));
    if (d != null) {
      Pages.info(done + "文书编号 " + d.number());
      reason = null;
    }
    refresh();
  }

  public void decide() {
    Document d = Pages.attempt(() -> decisions.decide(current.require(), id,
        DecisionService.Outcome.valueOf(outcome), decisionText, pin));
    pin = null; // re-entered for every signature
    if (d != null) {
      Pages.info("已签章：《" + d.kind().title() + "》" + d.number());
    }
    refresh();
  }

  // --- what the page shows ---------------------------------------------------------------

  public boolean isApplicant() {
    return current.get().map(a -> a.has(Role.APPLICANT)).orElse(false);
  }

  public boolean isEditable() {
    return isApplicant() && view != null
        && ApplicationStatus.EDITABLE.contains(ApplicationStatus.valueOf(view.status()));
  }

  public boolean isAwaitingPreReview() {
    return view != null && ApplicationStatus.SUBMITTED.name().equals(view.status());
  }

  public boolean isCanCommit() {
    return isApplicant() && view != null && view.commitment() == null && view.preReview() != null
        && "COMPLETE_WITH_COMMITMENT".equals(view.preReview().verdict())
        && ApplicationStatus.PRE_REVIEWED.name().equals(view.status());
  }

  public boolean isClerkCanAct() {
    return current.get().map(a -> a.has(Role.WINDOW_CLERK)).orElse(false) && view != null
        && ApplicationStatus.PRE_REVIEWED.name().equals(view.status());
  }

  public boolean isChiefCanAct() {
    return current.get().map(a -> a.has(Role.CHIEF_REP)).orElse(false) && view != null
        && ApplicationStatus.DECIDABLE.contains(ApplicationStatus.valueOf(view.status()));
  }

  public boolean isStaff() {
    return current.get().map(Actor::isStaff).orElse(false);
  }

  /** Commitable materials that the pre-review found missing or defective. */
  public List<ApplicationView.Material> getCommitable() {
    if (view == null || view.preReview() == null) {
      return List.of();
    }
    List<String> flagged = view.preReview().findings().stream()
        .filter(f -> "BLOCKING".equals(f.severity())).map(ApplicationView.FindingView::materialCode)
        .toList();
    return view.checklist().stream().filter(m -> m.commitable() && flagged.contains(m.materialCode()))
        .toList();
  }

  public List<AuditEntry> getTrail() {
    return isStaff() && id != null ? audit.forApplication(id) : List.of();
  }

  public String materialName(String code) {
    if (code == null || code.isBlank() || view == null) {
      return "";
    }
    return view.checklist().stream().filter(m -> m.materialCode().equals(code))
        .map(ApplicationView.Material::name).findFirst().orElse(code);
  }

  public String typeLabels(List<String> types) {
    return String.join("、", types.stream().map(TypeLabels::of).distinct().toList());
  }

  public String typeLabel(String type) {
    return TypeLabels.of(type);
  }

  public String statusLabel(String status) {
    return status == null || status.isBlank() ? "—" : ApplicationStatus.valueOf(status).label();
  }

  public LocalDate getTomorrow() {
    return LocalDate.now().plusDays(1);
  }

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public ApplicationView getView() { return view; }
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
