package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 上报件 (§2): a department of the matter forwards the examined application with its initial
 * review to the higher authority, pausing the review clock; when the answer is back, the
 * department's chief representative records it with its reference number and, in the same
 * step and with the signing PIN, issues the decision that rests on it. The state rules are
 * {@link Application}'s and {@link Forwarding}'s; who may is checked here.
 */
@ApplicationScoped
public class Forwardings {
  @Inject
  ApplicationService applications;

  @Inject
  ForwardingRepository forwardings;

  @Inject
  AccountRepository accounts;

  @Inject
  DecisionService decisions;

  @Inject
  SealingGuard guard;

  @Inject
  Calendars calendar;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  public Optional<Forwarding> of(Long applicationId) {
    return forwardings.of(applicationId);
  }

  @Transactional
  public Forwarding forward(Actor actor, Long applicationId, String authority, String opinion) {
    Application app = applications.visible(actor, applicationId);
    if (!AccessPolicy.isDepartmentStaff(actor, app)) {
      throw DomainException.forbidden("只有本事项审批部门的审查人员或首席代表可以上报。")
          .inEnglish("Only the reviewers or chief representatives of the matter's deciding"
              + " departments can forward it.");
    }
    UserAccount staff = accounts.require(actor.userId());
    Forwarding forwarding = Forwarding.of(app, staff, authority, opinion, Instant.now(clock));
    if (forwardings.of(app.id()).isPresent()) {
      throw DomainException.conflict("申请 " + app.number() + " 已上报过。")
          .inEnglish("Application " + app.number() + " has already been forwarded.");
    }
    ApplicationStatus from = app.status();
    app.forward(LocalDate.now(clock));
    forwardings.add(forwarding);
    audit.record(actor, app.id(), AuditAction.FORWARDED, from, app.status(),
        forwarding.department().name() + " 上报" + forwarding.authority() + "，初审意见："
            + forwarding.opinion() + "；审查时限自 " + app.reviewPausedOn() + " 起暂停");
    notifications.tellApplicant(app, "申请已上报",
        "您的申请已由" + forwarding.department().name() + "初审并上报" + forwarding.authority()
            + "审批；上级机关审批期间本中心的审查时限暂停计算，批复返回后即作出决定。");
    return forwarding;
  }

  /**
   * 录入批复: the answer and the decision are one step, so an answer is never recorded without
   * its decision (a wrong PIN undoes both).
   */
  @Transactional
  public DecisionService.Result answer(Actor actor, Long applicationId, DecisionOutcome outcome,
      String reference, String text, String pin) {
    Application app = applications.visible(actor, applicationId);
    UserAccount chief = guard.authorisedChief(actor, app);
    Forwarding forwarding = forwardings.of(app.id()).orElseThrow(() -> DomainException.conflict(
        "申请 " + app.number() + " 尚未上报，没有可录入的批复。")
        .inEnglish("Application " + app.number() + " has not been forwarded: there is no answer"
            + " to enter."));
    Forwarding.requireReference(reference);
    DecisionService.requireComplete(outcome, text);
    guard.requireRightPin(actor, app, chief, pin);
    // Checked: from here on nothing is refused for the input, so nothing half-recorded remains.
    LocalDate today = LocalDate.now(clock);
    forwarding.answer(outcome, reference, chief, Instant.now(clock));
    ApplicationStatus from = app.status();
    long paused = app.answerFromAbove(today, calendar.current());
    audit.record(actor, app.id(), AuditAction.FORWARD_ANSWERED, from, app.status(),
        forwarding.authority() + " 批复 " + forwarding.replyReference() + "（"
            + JointDecision.label(outcome) + "）；审查时限暂停 " + paused + " 个工作日后恢复");
    return decisions.record(actor, app, chief, outcome,
        forwarding.decisionPreamble() + text.trim(), true);
  }
}
