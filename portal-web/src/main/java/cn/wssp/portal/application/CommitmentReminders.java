package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * 承诺补交提醒 (§5): in the portal and by e-mail, 7, 3 and 1 working days before a commitment's
 * due date, each once. The commitment row records what was sent, inside the same transaction as
 * the message, so a reminder is sent once even with several instances sweeping.
 */
@ApplicationScoped
public class CommitmentReminders implements Sweep {
  /** Seven working days are at most this many calendar days away, holidays included. */
  static final int LOOKAHEAD_DAYS = 21;

  @Inject
  ApplicationRepository applications;

  @Inject
  CommitmentReminders self;

  @Inject
  Notifications notifications;

  @Inject
  Calendars calendar;

  @Inject
  Clock clock;

  @Override
  public String name() {
    return "commitmentReminders";
  }

  @Override
  public int run() {
    LocalDate today = LocalDate.now(clock);
    return Sweep.eachApplication(applications.openCommitmentsDueBy(today.plusDays(LOOKAHEAD_DAYS)),
        self::remind, "承诺补交提醒");
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean remind(Long applicationId) {
    Application app = applications.findForUpdate(applicationId).orElse(null); // the claim: once across instances
    Commitment c = app == null ? null : applications.commitment(app.id()).orElse(null);
    LocalDate today = LocalDate.now(clock);
    if (c == null || today.isAfter(c.dueDate())) {
      return false; // overdue: the breach sweep takes it
    }
    OptionalInt threshold = c.remind(calendar.current().workingDaysBetween(today, c.dueDate()));
    if (threshold.isEmpty()) {
      return false;
    }
    notifications.tellApplicant(app, "承诺补交提醒",
        "距承诺补交日期（" + c.dueDate() + "）还有不到 " + threshold.getAsInt() + " 个工作日，请尽快补交："
            + app.matter().materialNames(c.materials()) + "。逾期未补交的，将依法撤销行政许可决定。");
    return true;
  }
}
