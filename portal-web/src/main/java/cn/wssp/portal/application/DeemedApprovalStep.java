package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.domain.service.PortalProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One application deemed approved, with its sealed decision, audit entries and message. */
@ApplicationScoped
public class DeemedApprovalStep {
  static final String SIGNER = "系统（超时默许）";

  @Inject
  ApplicationRepository applications;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  PortalProfile profile;

  @Inject
  Calendars calendar;

  @Inject
  LicenceGrants licences;

  @Inject
  Clock clock;

  /** Whether this call approved it (false: decided, paused or approved by another instance). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean approve(Long applicationId) {
    // The row lock is the claim: a second instance waits here, then finds it issued.
    Application app = applications.findForUpdate(applicationId).orElse(null);
    LocalDate today = LocalDate.now(clock);
    if (app == null || !app.matter().deemedApprovalOnTimeout() || !app.isReviewOverdue(today)) {
      return false;
    }
    ApplicationStatus from = app.status();
    LocalDate due = app.reviewDue();
    app.deemApproved(today, Instant.now(clock));
    Document decision = issuer.issueCenterDecision(app, DocumentKind.APPROVAL_DECISION,
        OfficialTexts.withCommitment(
            OfficialTexts.deemedApproval(app, clock.getZone(), due, profile.centerName()), app,
            applications.commitment(app.id()).orElse(null)), SIGNER);
    Optional<Document> licence = licences.withDeemedApproval(app, decision, SIGNER);
    long late = calendar.current().workingDaysBetween(due, today);
    audit.record(Actor.system(), app.id(), AuditAction.DEEMED_APPROVED, from, app.status(),
        "审查时限 " + due + " 已过（逾期 " + late + " 个工作日）未作决定，依事项超时默许规定视为准予许可；文书 "
            + decision.number() + licence.map(l -> "；电子证照 " + l.number()).orElse(""));
    ApplicationStatus approved = app.status();
    app.issue();
    audit.record(Actor.system(), app.id(), AuditAction.ISSUE, approved, app.status(),
        "文书 " + decision.number() + "，" + profile.centerName() + "电子印章");
    notifications.tellApplicant(app, "申请已视为准予许可",
        "审批部门未在法定办理时限（" + due + "）内作出决定，依超时默许规定视为准予许可。请下载《"
            + decision.kind().title() + "》（文书编号 " + decision.number() + "）。"
            + LicenceGrants.mention(licence));
    return true;
  }
}
