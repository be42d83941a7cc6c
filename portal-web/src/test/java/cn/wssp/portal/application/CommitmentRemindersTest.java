package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reminders 7, 3 and 1 working days before the commitment's due date, each once. */
class CommitmentRemindersTest {
  final TestPortal portal = new TestPortal();
  final CommitmentReminders reminders = new CommitmentReminders();

  CommitmentRemindersTest() {
    reminders.applications = portal.applicationRepo;
    reminders.self = reminders;
    reminders.notifications = portal.notifications;
    reminders.calendar = portal.calendar;
    reminders.clock = portal.clock;
  }

  long reminded() {
    return portal.messageRepo.messages.stream().filter(m -> m.subject().startsWith("承诺补交提醒")).count();
  }

  @Test
  void sevenThreeAndOneWorkingDaysBefore() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    portal.applications.signCommitment(actor(portal.applicant), app.id(),
        List.of("premises-layout"), LocalDate.of(2026, 12, 4)); // a Friday; today Monday 11-23
    assertEquals(0, reminders.run(), "nine working days left");
    portal.clock.advance(Duration.ofDays(2)); // Wednesday 11-25: seven left
    assertEquals(1, reminders.run());
    assertEquals(0, reminders.run(), "once");
    portal.clock.advance(Duration.ofDays(6)); // Tuesday 12-01: three left
    assertEquals(1, reminders.run());
    portal.clock.advance(Duration.ofDays(2)); // Thursday 12-03: one left
    assertEquals(1, reminders.run());
    portal.clock.advance(Duration.ofDays(1)); // the due day itself
    assertEquals(0, reminders.run());
    assertEquals(3, reminded());
  }
}
