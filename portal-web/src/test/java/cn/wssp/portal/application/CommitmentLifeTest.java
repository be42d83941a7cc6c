package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 告知承诺制 (§5) after acceptance: promised materials still come in; a breach; a revocation. */
class CommitmentLifeTest {
  final TestPortal portal = new TestPortal();

  /** Accepted on a commitment to bring the floor plan by 2026-12-01, then approved and issued. */
  Application issuedOnCommitment() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    portal.applications.signCommitment(actor(portal.applicant), app.id(),
        List.of("premises-layout"), LocalDate.of(2026, 12, 1));
    portal.acceptance.decide(actor(portal.clerk), app.id(), AcceptanceAction.ACCEPT, null);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    assertEquals(ApplicationStatus.ISSUED, app.status());
    return app;
  }

  @Test
  void aDecisionOnCommitmentStatesThePromiseItsDueDateAndTheConsequence() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    portal.applications.signCommitment(actor(portal.applicant), app.id(),
        List.of("premises-layout"), LocalDate.of(2026, 12, 1));
    Commitment promise = portal.applications.commitmentOf(app.id()).orElseThrow();
    List<String> body = OfficialTexts.withCommitment(
        OfficialTexts.approval(app, portal.clock.getZone(), "准予。"), app, promise);
    String stated = body.get(body.size() - 2);
    assertTrue(stated.contains("告知承诺制") && stated.contains("2026年12月1日")
        && stated.contains("经营场所平面布局图") && stated.contains("撤销"), stated);
    assertTrue(body.get(body.size() - 1).startsWith("本决定书自签发之日起生效"), "the closing line stays last");
    assertEquals(OfficialTexts.approval(app, portal.clock.getZone(), "准予。"),
        OfficialTexts.withCommitment(OfficialTexts.approval(app, portal.clock.getZone(), "准予。"), app, null),
        "no commitment, nothing added");
  }

  @Test
  void thePromisedMaterialMayStillBeHandedInAfterIssuance() {
    Application app = issuedOnCommitment();
    assertTrue(portal.views.of(actor(portal.applicant), app.id()).actions()
        .contains(ApplicationAction.SUPPLY_PROMISED));
    portal.applications.checkUpload(actor(portal.applicant), app.id(), "premises-layout");
    portal.uploaded(app, "premises-layout");
    assertEquals(List.of(app.id()), portal.jobRepo.refsOf(JobKind.COMMITMENT_REVIEW),
        "pre-reviewed like any other, in the background");
    assertEquals(409, assertThrows(DomainException.class, () -> portal.applications.checkUpload(
        actor(portal.applicant), app.id(), "application-form")).status(), "only what was promised");
  }

  @Test
  void aBreachTurnsRedAndTheDecisionIsRevokedWithItsReason() {
    Application app = issuedOnCommitment();
    assertEquals(0, portal.breaches.run());
    portal.clock.advance(Duration.ofDays(9)); // 2026-12-02: the due day has passed
    assertEquals(1, portal.breaches.run());
    assertEquals(0, portal.breaches.run(), "once");
    ApplicationView v = portal.views.of(actor(portal.supervisor), app.id());
    assertEquals(CommitmentStatus.BREACHED, v.commitment().status());
    assertEquals(Light.RED, v.deadlines().light());
    assertTrue(portal.auditActions(app).contains(AuditAction.COMMITMENT_BREACHED));
    assertTrue(portal.views.of(actor(portal.chiefB), app.id()).actions().contains(ApplicationAction.REVOKE));

    assertEquals(403, assertThrows(DomainException.class, () -> portal.revocations.revoke(
        actor(portal.clerk), app.id(), "逾期未补交", PIN)).status());
    assertEquals(400, assertThrows(DomainException.class, () -> portal.revocations.revoke(
        actor(portal.chiefB), app.id(), " ", PIN)).status());
    Document revocation = portal.revocations.revoke(actor(portal.chiefB), app.id(),
        "申请人承诺于2026年12月1日前补交经营场所平面布局图，逾期未补交", PIN);
    assertEquals(DocumentKind.REVOCATION_DECISION, revocation.kind());
    assertEquals(ApplicationStatus.REVOKED, app.status());
    Document decision = portal.documentRepo.latest(app.id(), DocumentKind.APPROVAL_DECISION).orElseThrow();
    assertTrue(decision.revoked());
    assertNotNull(decision.revokedAt());
    assertTrue(decision.revocationReason().contains("逾期未补交"));
    assertEquals(CommitmentStatus.REVOKED,
        portal.applications.commitmentOf(app.id()).orElseThrow().status());
    assertEquals(409, assertThrows(DomainException.class, () -> portal.revocations.revoke(
        actor(portal.chiefB), app.id(), "再次撤销", PIN)).status(), "once");
  }
}
