package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 视为受理 on the test clock: two working days pass without the window, the sweep accepts. */
class DeemedAcceptanceTest {
  final TestPortal portal = new TestPortal();
  final DeemedAcceptance sweep = new DeemedAcceptance();
  final DeemedAcceptanceStep step = new DeemedAcceptanceStep();

  DeemedAcceptanceTest() {
    step.applications = portal.applicationRepo;
    step.issuer = portal.issuer;
    step.audit = portal.audit;
    step.notifications = portal.notifications;
    step.calendar = portal.calendar;
    step.clock = portal.clock;
    step.circulation = portal.circulation;
    sweep.applications = portal.applicationRepo;
    sweep.step = step;
    sweep.clock = portal.clock;
  }

  @Test
  void aSilentWindowMeansAcceptanceFromTheSubmission() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE); // Monday 2026-11-23
    assertEquals(LocalDate.of(2026, 11, 25), app.preReviewDue());
    portal.clock.advance(Duration.ofDays(2)); // Wednesday: still the due day
    assertEquals(0, sweep.run());
    assertEquals(ApplicationStatus.PRE_REVIEWED, app.status());

    portal.clock.advance(Duration.ofDays(1)); // Thursday: the due day has passed
    assertEquals(1, sweep.run());
    assertEquals(ApplicationStatus.DEEMED_ACCEPTED, app.status());
    assertEquals(app.submittedAt(), app.acceptedAt(), "accepted from the submission");
    assertEquals(LocalDate.of(2026, 12, 7), app.reviewDue(), "10 working days from Monday");
    Document notice = portal.documentRepo.latest(app.id(), DocumentKind.ACCEPTANCE_NOTICE).orElseThrow();
    assertNotNull(notice.objectKey());
    assertTrue(portal.auditActions(app).contains(AuditAction.DEEMED_ACCEPTED));
    AuditEntry entry = portal.auditRepo.ofApplication(app.id()).stream()
        .filter(e -> e.action() == AuditAction.DEEMED_ACCEPTED).findFirst().orElseThrow();
    assertTrue(entry.detail().contains("逾期 1 个工作日"), entry.detail());
    assertEquals(0, sweep.run(), "once");
    assertTrue(AccessPolicy.actionsFor(actor(portal.chiefB), app, false)
        .contains(ApplicationAction.DECISION), "the chief representative decides next");
  }

  @Test
  void anApplicationTheWindowHandledIsLeftAlone() {
    Application app = portal.accepted(portal.promised);
    portal.clock.advance(Duration.ofDays(10));
    assertEquals(0, sweep.run());
    assertEquals(ApplicationStatus.ACCEPTED, app.status());
  }
}
