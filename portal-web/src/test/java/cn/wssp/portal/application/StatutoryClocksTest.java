package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.RecordingSeals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 限时办结 (issue 8) on the in-memory portal: 审查补正 pauses the review clock and moves its due
 * day by exactly the paused working days (National Day 2026 of the seeded calendar, with its 调休
 * Saturday); the lights at their thresholds; 超时默许 when the matter says so, and only then.
 */
class StatutoryClocksTest {
  final TestPortal portal = new TestPortal();

  /** Moves the portal's clock to this day, 10:00 in Beijing. */
  void today(LocalDate day) {
    Instant target = day.atTime(10, 0).atZone(portal.clock.getZone()).toInstant();
    portal.clock.advance(Duration.between(portal.clock.instant(), target));
  }

  ApplicationView.Deadlines deadlines(Application app) {
    return portal.views.deadlines(app);
  }

  DomainException refused(Runnable call) {
    return assertThrows(DomainException.class, call::run);
  }

  @Test
  void aSupplementOverNationalDayMovesTheReviewDueByExactlyThePausedWorkingDays() {
    today(LocalDate.of(2026, 9, 29)); // Tuesday before National Day
    Application app = portal.accepted(portal.promised);
    // 10 working days: 9-30, 10-8, 10-9, 10-10 (调休 Saturday), 10-12 … 10-16, 10-19.
    assertEquals(LocalDate.of(2026, 10, 19), app.reviewDue());

    today(LocalDate.of(2026, 9, 30));
    portal.reviewSupplements.request(actor(portal.reviewer), app.id(), "平面布局图比例不符，请重新提供。",
        List.of("premises-layout"));
    assertEquals(ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED, app.status());
    assertEquals(0, deadlines(app).reviewPausedDays(), "the day of the request itself is not paused");
    assertTrue(portal.auditActions(app).contains(AuditAction.REVIEW_SUPPLEMENT_REQUESTED));
    PortalMessage told = portal.messageRepo.messages.get(portal.messageRepo.messages.size() - 1);
    assertTrue(told.subject().startsWith("补正告知"), told.subject());
    assertTrue(told.body().contains("平面布局图比例不符") && told.body().contains("经营场所平面布局图"),
        told.body());

    today(LocalDate.of(2026, 10, 7)); // the whole holiday: nothing paused yet
    assertEquals(0, deadlines(app).reviewPausedDays());
    today(LocalDate.of(2026, 10, 9)); // Thu 10-8, Fri 10-9
    assertEquals(2, deadlines(app).reviewPausedDays());
    assertEquals(LocalDate.of(2026, 10, 21), deadlines(app).reviewDue(), "moving while paused");
    today(LocalDate.of(2026, 10, 11)); // + the 调休 Saturday 10-10; Sunday 10-11 is rest
    assertEquals(3, deadlines(app).reviewPausedDays());

    today(LocalDate.of(2026, 10, 12)); // Monday: + 10-12
    DomainException notYet = refused(() -> portal.applications.submit(actor(portal.applicant), app.id()));
    assertEquals(409, notYet.status());
    assertTrue(notYet.getMessage().contains("经营场所平面布局图"), notYet.getMessage());
    DomainException other = refused(() -> portal.uploaded(app, "application-form"));
    assertEquals(409, other.status(), "only the named materials may be replaced");
    portal.uploaded(app, "premises-layout");
    portal.applications.submit(actor(portal.applicant), app.id());

    assertEquals(ApplicationStatus.UNDER_REVIEW, app.status());
    assertEquals(LocalDate.of(2026, 10, 23), app.reviewDue(), "10-19 + 4 working days");
    assertEquals(4, deadlines(app).reviewPausedDays());
    assertEquals(LocalDate.of(2026, 10, 23), deadlines(app).reviewDue());
    assertTrue(portal.auditActions(app).contains(AuditAction.REVIEW_SUPPLEMENT_SUBMITTED));
    today(LocalDate.of(2026, 10, 20));
    assertEquals(4, deadlines(app).reviewPausedDays(), "a pause that ended stays counted, no more");
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。",
        TestPortal.PIN);
    assertEquals(ApplicationStatus.ISSUED, app.status(), "the review goes on to its decision");
  }

  @Test
  void onlyADecidingDepartmentAsksAndItSaysWhyAndWhat() {
    Application app = portal.accepted(portal.promised);
    Long id = app.id();
    assertEquals(403, refused(() -> portal.reviewSupplements.request(actor(portal.clerk), id, "r",
        List.of("premises-layout"))).status());
    assertEquals(403, refused(() -> portal.reviewSupplements.request(actor(portal.applicant), id,
        "r", List.of("premises-layout"))).status());
    assertEquals(404, refused(() -> portal.reviewSupplements.request(actor(portal.chiefB2), id, "r",
        List.of("premises-layout"))).status(), "another department's chief does not see it");
    DomainException noReason = refused(() -> portal.reviewSupplements.request(actor(portal.chiefB),
        id, " ", List.of("premises-layout")));
    assertEquals(400, noReason.status());
    assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
    DomainException noMaterials = refused(() -> portal.reviewSupplements.request(
        actor(portal.chiefB), id, "请补正", List.of()));
    assertEquals(400, noMaterials.status());
    assertTrue(noMaterials.getMessage().contains("materials"), noMaterials.getMessage());
    assertEquals(400, refused(() -> portal.reviewSupplements.request(actor(portal.chiefB), id,
        "请补正", List.of("no-such-material"))).status());
    assertEquals(ApplicationStatus.ACCEPTED, app.status(), "nothing changed");

    assertTrue(AccessPolicy.actionsFor(actor(portal.chiefB), app, false)
        .contains(ApplicationAction.REVIEW_SUPPLEMENT));
    portal.reviewSupplements.request(actor(portal.chiefB), id, "请补正", List.of("premises-layout"));
    assertEquals(409, refused(() -> portal.reviewSupplements.request(actor(portal.chiefB), id,
        "再次", List.of("premises-layout"))).status(), "one supplement at a time");
    assertEquals(409, refused(() -> portal.decisions.decide(actor(portal.chiefB), id,
        DecisionOutcome.APPROVE, "准予。", TestPortal.PIN)).status(), "no decision while paused");
    var owner = AccessPolicy.actionsFor(actor(portal.applicant), app, false);
    assertTrue(owner.contains(ApplicationAction.SUBMIT)
        && owner.contains(ApplicationAction.SUPPLY_REVIEW_SUPPLEMENT), owner.toString());
    assertEquals("请补正", portal.views.of(actor(portal.applicant), app).reviewSupplement().reason());
  }

  /** Pre-review's 2 working days: one left is yellow though only half is used. */
  @Test
  void yellowWhenAtMostOneWorkingDayIsLeft() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE); // Monday 11-23
    assertEquals(LocalDate.of(2026, 11, 25), app.preReviewDue());
    assertEquals(Light.GREEN, portal.views.light(app), "2 left");
    today(LocalDate.of(2026, 11, 24));
    assertEquals(Light.YELLOW, portal.views.light(app), "1 left");
    today(LocalDate.of(2026, 11, 25));
    assertEquals(Light.YELLOW, portal.views.light(app), "the due day");
    today(LocalDate.of(2026, 11, 26));
    assertEquals(Light.RED, portal.views.light(app), "overdue");
  }

  /** 即办件: due the day it is accepted, yellow all that day, red the next morning. */
  @Test
  void anImmediateMatterIsDueTheDayItIsAccepted() {
    Application app = portal.accepted(portal.immediate); // Monday 11-23
    assertEquals(LocalDate.of(2026, 11, 23), app.reviewDue());
    assertEquals(Light.YELLOW, portal.views.light(app), "the due day");
    today(LocalDate.of(2026, 11, 24));
    assertEquals(Light.RED, portal.views.light(app), "not decided on the spot");
  }

  @Test
  void anImmediateMatterAcceptedOnADayOffIsDueTheNextWorkingDay() {
    var calendar = new cn.wssp.portal.domain.calendar.WorkingDayCalendar();
    assertEquals(LocalDate.of(2026, 11, 30),
        portal.immediate.reviewDue(LocalDate.of(2026, 11, 28), calendar), "Saturday → Monday");
    assertEquals(LocalDate.of(2026, 12, 7),
        portal.promised.reviewDue(LocalDate.of(2026, 11, 23), calendar), "承诺件: 10 working days");
  }

  /** Review of 10 working days from Monday 11-23, due Monday 12-07. */
  @Test
  void yellowAtEightyPercentUsedAndRedWhenOverdue() {
    Application app = portal.accepted(portal.promised);
    assertEquals(LocalDate.of(2026, 12, 7), app.reviewDue());
    today(LocalDate.of(2026, 12, 2));
    assertEquals(Light.GREEN, portal.views.light(app), "7 of 10 used, 3 left");
    today(LocalDate.of(2026, 12, 3));
    assertEquals(Light.YELLOW, portal.views.light(app), "8 of 10 used (80 %), 2 left");
    today(LocalDate.of(2026, 12, 7));
    assertEquals(Light.YELLOW, portal.views.light(app), "the due day");
    today(LocalDate.of(2026, 12, 8));
    assertEquals(Light.RED, portal.views.light(app), "overdue");
    assertEquals(Light.RED, portal.views.deadlines(app).light(), "views and tracking share it");
  }

  @Test
  void aPausedClockKeepsTheLightOfItsPauseDay() {
    Application app = portal.accepted(portal.promised);
    today(LocalDate.of(2026, 12, 3));
    portal.reviewSupplements.request(actor(portal.reviewer), app.id(), "请补正", List.of("premises-layout"));
    today(LocalDate.of(2026, 12, 21));
    assertEquals(Light.YELLOW, portal.views.light(app), "yellow at the pause, yellow while paused");
    assertEquals(1L, portal.supervision.summary(actor(portal.supervisor)).byLight().get("YELLOW"));
  }

  @Test
  void deemedApprovalIssuesUnderTheCenterSealWhenTheMatterSaysSo() {
    assertEquals(403, refused(() -> portal.catalog.setOptions(actor(portal.clerk),
        portal.promised.code(), true)).status());
    assertEquals(400, refused(() -> portal.catalog.setOptions(actor(portal.admin),
        portal.promised.code(), (Boolean) null)).status());
    assertTrue(portal.catalog.setOptions(actor(portal.admin), portal.promised.code(), true)
        .deemedApprovalOnTimeout());
    Application app = portal.accepted(portal.promised);
    today(LocalDate.of(2026, 12, 7));
    assertEquals(0, portal.deemedApproval.run(), "the due day is still the department's");
    today(LocalDate.of(2026, 12, 8));
    int sealsBefore = portal.seals.applied.size();
    assertEquals(1, portal.deemedApproval.run());

    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertNotNull(app.decidedAt());
    Document decision = portal.documentRepo.latest(app.id(), DocumentKind.APPROVAL_DECISION).orElseThrow();
    assertNotNull(decision.objectKey());
    assertEquals(sealsBefore + 1, portal.seals.applied.size());
    RecordingSeals.Applied seal = portal.seals.applied.get(sealsBefore);
    assertEquals(RecordingSeals.CENTER, seal.departmentCode(), "the center's seal");
    List<AuditAction> actions = portal.auditActions(app);
    assertEquals(List.of(AuditAction.DEEMED_APPROVED, AuditAction.ISSUE),
        actions.subList(actions.size() - 2, actions.size()));
    PortalMessage told = portal.messageRepo.messages.get(portal.messageRepo.messages.size() - 1);
    assertTrue(told.subject().startsWith("申请已视为准予许可"), told.subject());
    String text = String.join("", OfficialTexts.deemedApproval(app, portal.clock.getZone(),
        app.reviewDue(), portal.profile.centerName()));
    assertTrue(text.contains("视为准予行政许可") && text.contains("法定办理时限"), text);
    assertEquals(0, portal.deemedApproval.run(), "once");
  }

  @Test
  void noDeemedApprovalWhenTheMatterDoesNotSaySoOrTheClockIsPaused() {
    Application silent = portal.accepted(portal.promised);
    today(LocalDate.of(2026, 12, 20));
    assertEquals(0, portal.deemedApproval.run());
    assertEquals(ApplicationStatus.ACCEPTED, silent.status());
    assertTrue(portal.documentRepo.latest(silent.id(), DocumentKind.APPROVAL_DECISION).isEmpty());

    portal.catalog.setOptions(actor(portal.admin), portal.promised.code(), true);
    Application paused = portal.accepted(portal.promised);
    portal.reviewSupplements.request(actor(portal.reviewer), paused.id(), "请补正",
        List.of("premises-layout"));
    today(LocalDate.of(2027, 2, 1));
    assertEquals(1, portal.deemedApproval.run(), "the silent one now, the paused one not");
    assertEquals(ApplicationStatus.ISSUED, silent.status());
    assertEquals(ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED, paused.status());
  }
}
