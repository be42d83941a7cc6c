package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationServiceTest {
  final TestPortal portal = new TestPortal();
  final ApplicationService service = portal.applications;

  @Test
  void anApplicantCreatesADraftNumberedForTheYear() {
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    assertEquals(ApplicationStatus.DRAFT, app.status());
    assertEquals("SQ2026000001", app.number());
    assertEquals(portal.demo, app.enterprise());
    assertEquals(List.of(AuditAction.CREATE), portal.auditActions(app));
  }

  @Test
  void applyingTwiceForTheSameMatterContinuesTheDraft() {
    ApplicationService.Draft first = service.continueOrCreate(actor(portal.applicant), "SCJG-0001");
    assertFalse(first.continued());
    ApplicationService.Draft again = service.continueOrCreate(actor(portal.applicant), "SCJG-0001");
    assertTrue(again.continued());
    assertEquals(first.application().id(), again.application().id());
    // Another matter, or another enterprise: a draft of its own.
    assertNotEquals(first.application().id(),
        service.continueOrCreate(actor(portal.applicant), "LB-0001").application().id());
    assertNotEquals(first.application().id(),
        service.continueOrCreate(actor(portal.applicant2), "SCJG-0001").application().id());
  }

  @Test
  void onlyApplicantsCreateAndOnlyKnownMatters() {
    assertEquals(403, assertThrows(DomainException.class,
        () -> service.create(actor(portal.clerk), "SCJG-0001")).status());
    DomainException unknown = assertThrows(DomainException.class,
        () -> service.create(actor(portal.applicant), "NOPE-1"));
    assertEquals(404, unknown.status());
    assertTrue(unknown.getMessage().contains("NOPE-1"));
    assertEquals(400, assertThrows(DomainException.class,
        () -> service.create(actor(portal.applicant), " ")).status());
  }

  @Test
  void submissionStartsTheTwoWorkingDayClockAndQueuesThePreReview() {
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    portal.uploaded(app, "application-form");
    service.submit(actor(portal.applicant), app.id());
    assertEquals(ApplicationStatus.SUBMITTED, app.status());
    assertEquals(LocalDate.of(2026, 11, 25), app.preReviewDue(), "Monday + 2 working days");
    assertEquals(List.of(app.id()), portal.jobRepo.refsOf(JobKind.PRE_REVIEW));
    assertEquals(409, assertThrows(DomainException.class,
        () -> service.submit(actor(portal.applicant), app.id())).status(), "submitted once");
  }

  @Test
  void aFridaySubmissionIsDueOnTuesday() {
    portal.clock.advance(java.time.Duration.ofDays(4));
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    service.submit(actor(portal.applicant), app.id());
    assertEquals(LocalDate.of(2026, 12, 1), app.preReviewDue());
  }

  @Test
  void anotherEnterpriseLearnsNothing() {
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    for (Runnable r : List.<Runnable>of(
        () -> service.submit(actor(portal.applicant2), app.id()),
        () -> service.withdraw(actor(portal.applicant2), app.id()),
        () -> service.checkUpload(actor(portal.applicant2), app.id(), "application-form"),
        () -> service.visible(actor(portal.applicant2), app.id()))) {
      assertEquals(404, assertThrows(DomainException.class, r::run).status());
    }
  }

  @Test
  void staffSeeButDoNotActAsTheApplicant() {
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    assertEquals(404, assertThrows(DomainException.class,
        () -> service.visible(actor(portal.clerk), app.id())).status(), "not before submission");
    assertTrue(portal.auditActions(app).contains(AuditAction.ACCESS_DENIED), "the attempt is recorded");
    service.submit(actor(portal.applicant), app.id());
    assertSame(app, service.visible(actor(portal.clerk), app.id()));
    assertEquals(403, assertThrows(DomainException.class,
        () -> service.submit(actor(portal.clerk), app.id())).status());
  }

  @Test
  void aReUploadReplacesTheMaterialAndUnknownMaterialsAreNamed() {
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    portal.uploaded(app, "application-form");
    portal.uploaded(app, "application-form");
    assertEquals(1, service.materialFiles(app.id()).size());
    DomainException unknown = assertThrows(DomainException.class,
        () -> service.checkUpload(actor(portal.applicant), app.id(), "passport"));
    assertEquals(404, unknown.status());
    assertTrue(unknown.getMessage().contains("passport"));
  }

  @Test
  void materialsAreFrozenOnceSubmitted() {
    Application app = service.create(actor(portal.applicant), "SCJG-0001");
    service.submit(actor(portal.applicant), app.id());
    assertEquals(409, assertThrows(DomainException.class,
        () -> service.checkUpload(actor(portal.applicant), app.id(), "application-form")).status());
  }

  @Test
  void aCommitmentIsSignedOnceForCommitableMaterials() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    LocalDate due = LocalDate.of(2026, 12, 20);
    service.signCommitment(actor(portal.applicant), app.id(), List.of("premises-layout"), due);
    assertEquals(due, service.commitmentOf(app.id()).orElseThrow().dueDate());
    assertEquals(409, assertThrows(DomainException.class, () -> service.signCommitment(
        actor(portal.applicant), app.id(), List.of("premises-layout"), due)).status());
    assertTrue(portal.auditActions(app).contains(AuditAction.COMMITMENT));
  }

  @Test
  void listsAreNarrowedToWhatTheActorMaySee() {
    Application mine = service.create(actor(portal.applicant), "SCJG-0001");
    Application theirs = service.create(actor(portal.applicant2), "SCJG-0001");
    assertEquals(List.of(mine), service.list(actor(portal.applicant), Set.of()));
    assertEquals(List.of(), service.list(actor(portal.supervisor), Set.of()), "drafts are private");
    service.submit(actor(portal.applicant), mine.id());
    service.submit(actor(portal.applicant2), theirs.id());
    assertEquals(List.of(theirs, mine), service.list(actor(portal.supervisor), Set.of()));
    assertEquals(List.of(), service.list(actor(portal.chiefB2), Set.of()),
        "health's chief sees no market-only matter");
  }
}
