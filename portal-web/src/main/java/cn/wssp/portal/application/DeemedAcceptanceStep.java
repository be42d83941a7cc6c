package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/** One application deemed accepted, with its notice, audit entry and message: all or nothing. */
@ApplicationScoped
public class DeemedAcceptanceStep {
  @Inject
  ApplicationRepository applications;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  JointCirculation circulation;

  @Inject
  Calendars calendar;

  @Inject
  Clock clock;

  /** Whether this call turned it (false: someone acted meanwhile). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean deem(Long applicationId) {
    // The row lock is the claim, as in DeemedApprovalStep: a second instance sweeping the same
    // deadline waits here, then finds it accepted — one notice, not a failed commit.
    Application app = applications.findForUpdate(applicationId).orElse(null);
    LocalDate today = LocalDate.now(clock);
    if (app == null || !app.isPreReviewOverdue(today)) {
      return false;
    }
    LocalDate submitted = app.submittedAt().atZone(clock.getZone()).toLocalDate();
    LocalDate reviewDue = app.matter().reviewDue(submitted, calendar.current());
    ApplicationStatus from = app.status();
    LocalDate due = app.preReviewDue();
    app.deemAccepted(today, reviewDue);
    Document notice = issuer.issueNotice(app, DocumentKind.ACCEPTANCE_NOTICE,
        OfficialTexts.deemedAcceptance(app, clock.getZone(), reviewDue), "系统（视为受理）");
    long late = calendar.current().workingDaysBetween(due, today);
    audit.record(Actor.system(), app.id(), AuditAction.DEEMED_ACCEPTED, from, app.status(),
        "预审时限 " + due + " 已过（逾期 " + late + " 个工作日），视为自提交之日受理；文书 " + notice.number());
    notifications.tellApplicant(app, "申请已视为受理",
        "窗口未在两个工作日内作出决定，申请自提交之日起视为受理，承诺时限至 " + reviewDue + "。");
    circulation.circulate(Actor.system(), app);
    return true;
  }
}
