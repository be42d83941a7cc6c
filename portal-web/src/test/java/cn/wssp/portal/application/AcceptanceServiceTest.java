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

  @Test
  void theWindowSetsAFindingAsideWithAReasonAndTheNoticeLeavesItOut() {
    Application app = portal.preReviewed(portal.promised, Verdict.INCOMPLETE,
        blocking("application-form", "申请书缺少法定代表人签字。"),
        blocking("premises-layout", "未提交经营场所平面布局图。"));
    List<FindingRecord> findings = portal.applications.findingsOf(app.id());
    Long first = findings.get(0).id();
    DomainException noReason = assertThrows(DomainException.class,
        () -> service.overruleFinding(actor(portal.clerk), app.id(), first, "  "));
    assertEquals(400, noReason.status());
    assertEquals(403, assertThrows(DomainException.class, () -> service.overruleFinding(
        actor(portal.chiefB), app.id(), first, "现场已签字")).status());
    assertEquals(404, assertThrows(DomainException.class, () -> service.overruleFinding(
        actor(portal.clerk), app.id(), -1L, "现场已签字")).status());

    service.overruleFinding(actor(portal.clerk), app.id(), first, "现场核验原件已签字");
    assertTrue(findings.get(0).overruled());
    assertFalse(findings.get(0).blocking(), "set aside: no longer blocking");
    assertEquals(409, assertThrows(DomainException.class, () -> service.overruleFinding(
        actor(portal.clerk), app.id(), first, "再来一次")).status(), "once only");
    assertTrue(portal.auditActions(app).contains(AuditAction.FINDING_OVERRULED));

    // Staff see it with the reason; the applicant no longer sees it as a defect.
    ApplicationView.FindingView seen = portal.views.of(actor(portal.supervisor), app.id())
        .preReview().findings().get(0);
    assertEquals("现场核验原件已签字", seen.overruled().reason());
    assertEquals("clerk", seen.overruled().by());
    assertEquals(1, portal.views.of(actor(portal.applicant), app.id()).preReview().findings().size());
    assertEquals(1, portal.views.of(actor(portal.clerk), app.id()).preReview().blockingCount());

    // 一次性告知 lists what remains, plus the clerk's words, which the applicant's page shows.
    service.decide(actor(portal.clerk), app.id(), AcceptanceAction.SUPPLEMENT, "请携带原件到窗口核验。");
    assertEquals(ApplicationStatus.SUPPLEMENT_REQUESTED, app.status());
    assertTrue(portal.messageRepo.messages.stream().anyMatch(m -> m.body().contains("需补正 2 项")),
        "the finding set aside is not one of the items (1 remaining + the clerk's own)");
    assertEquals("请携带原件到窗口核验。",
        portal.views.of(actor(portal.applicant), app.id()).supplementReason());
    assertEquals(409, assertThrows(DomainException.class, () -> service.overruleFinding(
        actor(portal.clerk), app.id(), findings.get(1).id(), "迟了")).status(),
        "only while the window judges the pre-review");
  }
}
