package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.RecordingSeals;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptanceServiceTest {
  final TestPortal portal = new TestPortal();
  final AcceptanceService service = portal.acceptance;

  static FindingRecord blocking(String material, String message) {
    return new FindingRecord(null, material, "MISSING_MATERIAL", Severity.BLOCKING, message, 0);
  }

  @Test
  void acceptingIssuesASealedNoticeAndStartsTheReviewClock() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    Document notice = service.decide(actor(portal.clerk), app.id(), AcceptanceAction.ACCEPT, null);
    assertEquals(ApplicationStatus.ACCEPTED, app.status());
    assertEquals(LocalDate.of(2026, 12, 7), app.reviewDue(), "10 working days from Monday");
    assertEquals(DocumentKind.ACCEPTANCE_NOTICE, notice.kind());
    assertTrue(notice.number().startsWith("SL2026"));
    assertEquals(1, portal.seals.applied.size());
    assertEquals(RecordingSeals.CENTER, portal.seals.applied.get(0).departmentCode(),
        "notices carry the center's 受理专用章, not a department's seal");
    assertTrue(portal.objects.objects.containsKey(notice.objectKey()), "stored before recorded");
    assertTrue(portal.auditActions(app).contains(AuditAction.ACCEPTANCE_ACCEPT));
    assertTrue(portal.messageRepo.messages.stream().anyMatch(m -> m.subject().startsWith("申请已受理")));
  }

  @Test
  void aDraftOrAnUnreviewedApplicationIsAConflict() {
    Application draft = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    DomainException onDraft = assertThrows(DomainException.class,
        () -> service.decide(actor(portal.clerk), draft.id(), AcceptanceAction.ACCEPT, "x"));
    assertEquals(409, onDraft.status());
    portal.applications.submit(actor(portal.applicant), draft.id());
    DomainException early = assertThrows(DomainException.class,
        () -> service.decide(actor(portal.clerk), draft.id(), AcceptanceAction.NOT_ACCEPT, "x"));
    assertEquals(409, early.status());
    assertTrue(early.getMessage().contains("预审尚未完成"));
    assertTrue(portal.documentRepo.ofApplication(draft.id()).isEmpty(), "no notice issued");
  }

  @Test
  void onlyTheWindowActs() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    assertEquals(403, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefB), app.id(), AcceptanceAction.ACCEPT, null)).status());
    assertEquals(400, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.clerk), app.id(), null, null)).status());
  }

  @Test
  void overridingAnIncompleteProposalNeedsAReason() {
    Application app = portal.preReviewed(portal.promised, Verdict.INCOMPLETE,
        blocking("premises-layout", "未提交。"));
    assertEquals(400, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.clerk), app.id(), AcceptanceAction.ACCEPT, "")).status());
    service.decide(actor(portal.clerk), app.id(), AcceptanceAction.ACCEPT, "现场核验原件齐全");
    assertEquals(ApplicationStatus.ACCEPTED, app.status());
  }

  @Test
  void aCommitmentMakesItAcceptanceOnCommitment() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT,
        blocking("premises-layout", "未提交。"));
    portal.applications.signCommitment(actor(portal.applicant), app.id(),
        List.of("premises-layout"), LocalDate.of(2026, 12, 31));
    service.decide(actor(portal.clerk), app.id(), AcceptanceAction.ACCEPT, null);
    assertEquals(ApplicationStatus.ACCEPTED_ON_COMMITMENT, app.status());
  }

  @Test
  void aSupplementNeedsSomethingToSupplement() {
    Application clean = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    assertEquals(400, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.clerk), clean.id(), AcceptanceAction.SUPPLEMENT, " ")).status());
    Application flawed = portal.preReviewed(portal.promised, Verdict.INCOMPLETE,
        blocking("premises-layout", "未提交。"), blocking(null, "申请书未签字。"));
    Document notice = service.decide(actor(portal.clerk), flawed.id(), AcceptanceAction.SUPPLEMENT, null);
    assertEquals(DocumentKind.SUPPLEMENT_NOTICE, notice.kind());
    assertEquals(ApplicationStatus.SUPPLEMENT_REQUESTED, flawed.status());
    assertTrue(flawed.isEditableByApplicant(), "back to the applicant");
  }

  @Test
  void notAcceptingNeedsAReason() {
    Application app = portal.preReviewed(portal.promised, Verdict.INCOMPLETE);
    assertEquals(400, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.clerk), app.id(), AcceptanceAction.NOT_ACCEPT, null)).status());
    Document notice = service.decide(actor(portal.clerk), app.id(), AcceptanceAction.NOT_ACCEPT,
        "不属于本中心受理范围");
    assertEquals(DocumentKind.NOT_ACCEPTED_NOTICE, notice.kind());
    assertEquals(ApplicationStatus.NOT_ACCEPTED, app.status());
  }
}
