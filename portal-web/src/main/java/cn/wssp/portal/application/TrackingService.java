package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 办件查询: anyone holding an application's number and tracking code (printed on the acceptance
 * notice, shown to the owner) follows its progress. The answer carries no personal data: no
 * enterprise, no usernames, no audit details, only the steps' names, times and the deciding
 * department. Wrong pairs are throttled per client address like verification by number.
 */
@ApplicationScoped
public class TrackingService {
  /** The same answer for a wrong number and a wrong code: neither is confirmed. */
  static final String NOT_FOUND = "申请号或办件查询码不正确，未找到该办件。";

  /** The audit actions that are steps of the progress, with their public names. */
  static final Map<AuditAction, String> STEPS = new EnumMap<>(Map.ofEntries(
      Map.entry(AuditAction.SUBMIT, "提交申请"),
      Map.entry(AuditAction.PRE_REVIEW, "预审完成"),
      Map.entry(AuditAction.ACCEPTANCE_ACCEPT, "受理"),
      Map.entry(AuditAction.ACCEPTANCE_SUPPLEMENT, "一次性告知补正"),
      Map.entry(AuditAction.ACCEPTANCE_NOT_ACCEPT, "不予受理"),
      Map.entry(AuditAction.DEEMED_ACCEPTED, "视为受理"),
      Map.entry(AuditAction.REVIEW_SUPPLEMENT_REQUESTED, "审查补正告知（时限暂停）"),
      Map.entry(AuditAction.REVIEW_SUPPLEMENT_SUBMITTED, "补正材料已提交（时限恢复）"),
      Map.entry(AuditAction.FORWARDED, "已上报上级机关（时限暂停）"),
      Map.entry(AuditAction.FORWARD_ANSWERED, "上级机关已批复（时限恢复）"),
      Map.entry(AuditAction.DEEMED_APPROVED, "超时默许，视为准予许可"),
      Map.entry(AuditAction.DECISION_APPROVE, "准予许可"),
      Map.entry(AuditAction.DECISION_DENY, "不予许可"),
      Map.entry(AuditAction.ISSUE, "办结"),
      Map.entry(AuditAction.WITHDRAW, "申请人撤回"),
      Map.entry(AuditAction.REVOKED, "撤销许可")));

  /** Steps taken by a department's chief representative name the department. */
  static final List<AuditAction> DEPARTMENT_STEPS = List.of(AuditAction.DECISION_APPROVE,
      AuditAction.DECISION_DENY, AuditAction.ISSUE, AuditAction.REVOKED, AuditAction.FORWARDED,
      AuditAction.FORWARD_ANSWERED);

  @Inject
  ApplicationRepository applications;

  @Inject
  AuditRepository entries;

  @Inject
  AccountRepository accounts;

  @Inject
  ApplicationViews views;

  @Inject
  Throttle throttle;

  @Inject
  ApplicationService applicationService;

  /** One step: its public name, its audit code, when, and the department that took it. */
  public record Step(String step, String action, Instant at, String department) {}

  public record Tracking(String number, String matterName, String status, String statusLabel,
      List<Step> steps, ApplicationView.Deadlines deadlines) {}

  public Tracking track(String number, String code, String address) {
    Application app = throttle.attempt(List.of(throttle.trackingAddress(address)), "办件查询",
            () -> matching(number, code))
        .orElseThrow(() -> new DomainException("NOT_FOUND", 404, NOT_FOUND)
            .inEnglish("No application with this number and tracking code: check both."));
    return new Tracking(app.number(), app.matter().name(), app.status().name(),
        app.status().label(), steps(app), views.deadlines(app));
  }

  /**
   * The application's progress as its owner and staff follow it on its page (办理进度): the same
   * steps as the public query, the one rule of what a step is.
   */
  public List<Step> stepsOf(Actor actor, Long applicationId) {
    return steps(applicationService.visible(actor, applicationId));
  }

  /** The steps of the audit trail, oldest first: public names, times, deciding departments. */
  List<Step> steps(Application app) {
    return entries.ofApplication(app.id()).stream()
        .filter(e -> STEPS.containsKey(e.action()))
        .map(this::step).toList();
  }

  Optional<Application> matching(String number, String code) {
    if (number == null || number.isBlank() || code == null || code.isBlank()) {
      return Optional.empty();
    }
    return applications.byNumber(number.trim().toUpperCase(java.util.Locale.ROOT))
        .filter(a -> a.matchesTrackingCode(code));
  }

  private Step step(AuditEntry e) {
    String name = e.action() == AuditAction.SUBMIT
        && ApplicationStatus.SUPPLEMENT_REQUESTED.name().equals(e.fromStatus())
        ? "补正后重新提交" : STEPS.get(e.action());
    String department = DEPARTMENT_STEPS.contains(e.action())
        ? accounts.byUsername(e.actor()).map(UserAccount::department).filter(Objects::nonNull)
            .map(Department::name).orElse(null)
        : null;
    return new Step(name, e.action().name(), e.at(), department);
  }
}
