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
 * 上报件 (§2) on the in-memory portal: the department cannot decide it alone; it forwards it
 * with its initial review (the review clock pauses), and the chief records the higher
 * authority's answer, which issues the decision under the department's seal, citing the answer.
 */
class ForwardingTest {
  final TestPortal portal = new TestPortal();
  static final String REFERENCE = "闽市监特食〔2026〕18号";

  void today(LocalDate day) {
    Instant target = day.atTime(10, 0).atZone(portal.clock.getZone()).toInstant();
    portal.clock.advance(Duration.between(portal.clock.instant(), target));
  }

  DomainException refused(Runnable call) {
    return assertThrows(DomainException.class, call::run);
  }

  @Test
  void theDepartmentForwardsAndIssuesTheDecisionOnTheHigherAuthoritysAnswer() {
    Application app = portal.accepted(portal.forwarded); // Monday 11-23, 20 working days
    LocalDate firstDue = app.reviewDue();
    Long id = app.id();
    var chiefActions = AccessPolicy.actionsFor(actor(portal.chiefB), app, false);
    assertTrue(chiefActions.contains(ApplicationAction.FORWARD), chiefActions.toString());
    assertFalse(chiefActions.contains(ApplicationAction.DECISION), "the higher authority decides");
    DomainException alone = refused(() -> portal.decisions.decide(actor(portal.chiefB), id,
        DecisionOutcome.APPROVE, "准予。", TestPortal.PIN));
    assertEquals("FORWARDING_REQUIRED", alone.code());

    // Who forwards, and with what: named fields, the right people.
    DomainException noAuthority = refused(() -> portal.forwardings.forward(actor(portal.reviewer),
        id, " ", "材料齐全，符合条件。"));
    assertEquals(400, noAuthority.status());
    assertTrue(noAuthority.getMessage().contains("authority"), noAuthority.getMessage());
    assertEquals(400, refused(() -> portal.forwardings.forward(actor(portal.reviewer), id,
        "福建省市场监督管理局", null)).status());
    assertEquals(403, refused(() -> portal.forwardings.forward(actor(portal.clerk), id,
        "福建省市场监督管理局", "同意上报。")).status());

    portal.forwardings.forward(actor(portal.reviewer), id, "福建省市场监督管理局",
        "经初审，申请材料齐全，生产场所现场核查符合要求，建议准予许可。");
    assertEquals(ApplicationStatus.FORWARDED, app.status());
    assertEquals(LocalDate.of(2026, 11, 23), app.reviewPausedOn(), "the clock pauses");
    assertEquals(409, refused(() -> portal.forwardings.forward(actor(portal.reviewer), id,
        "福建省市场监督管理局", "再报。")).status(), "once");
    assertEquals("AWAITING_HIGHER_AUTHORITY", refused(() -> portal.decisions.decide(
        actor(portal.chiefB), id, DecisionOutcome.APPROVE, "准予。", TestPortal.PIN)).code());
    assertEquals(List.of(ApplicationAction.ANSWER_FORWARDING), AccessPolicy.actionsFor(
        actor(portal.chiefB), app, false).stream()
        .filter(a -> a == ApplicationAction.ANSWER_FORWARDING || a == ApplicationAction.DECISION
            || a == ApplicationAction.FORWARD).toList());
    // The applicant sees where it went, not the department's internal advice.
    ApplicationView.ForwardingView seen = portal.views.of(actor(portal.applicant), app).forwarding();
    assertEquals("福建省市场监督管理局", seen.authority());
    assertNull(seen.opinion());
    assertNotNull(portal.views.of(actor(portal.chiefB), app).forwarding().opinion());

    // The answer comes back five working days later (11-30 … 12-04 counted, Sunday not).
    today(LocalDate.of(2026, 11, 30));
    assertEquals(403, refused(() -> portal.forwardings.answer(actor(portal.reviewer), id,
        DecisionOutcome.APPROVE, REFERENCE, "准予许可。", TestPortal.PIN)).status(),
        "the chief representative answers");
    DomainException noReference = refused(() -> portal.forwardings.answer(actor(portal.chiefB),
        id, DecisionOutcome.APPROVE, "", "准予许可。", TestPortal.PIN));
    assertTrue(noReference.getMessage().contains("reference"), noReference.getMessage());
    refused(() -> portal.forwardings.answer(actor(portal.chiefB), id, DecisionOutcome.APPROVE,
        REFERENCE, "准予许可。", "000000"));
    assertEquals(ApplicationStatus.FORWARDED, app.status(), "a wrong PIN records nothing");
    assertFalse(portal.forwardingRepo.of(id).orElseThrow().isAnswered());

    int sealsBefore = portal.seals.applied.size();
    DecisionService.Result result = portal.forwardings.answer(actor(portal.chiefB), id,
        DecisionOutcome.APPROVE, REFERENCE, "准予保健食品生产许可。", TestPortal.PIN);
    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertEquals(DocumentKind.APPROVAL_DECISION, result.issued().kind());
    assertTrue(result.recorded().text().contains(REFERENCE)
        && result.recorded().text().contains("报请福建省市场监督管理局审批"), result.recorded().text());
    RecordingSeals.Applied seal = portal.seals.applied.get(sealsBefore);
    assertEquals(portal.market.code(), seal.departmentCode(), "the department's seal");
    assertEquals(5, app.reviewPausedDays(LocalDate.of(2026, 11, 30),
        portal.calendar.current()), "11-24 … 11-30: five working days paused");
    assertEquals(portal.calendar.current().addWorkingDays(firstDue, 5), app.reviewDue());
    List<AuditAction> trail = portal.auditActions(app);
    assertTrue(trail.containsAll(List.of(AuditAction.FORWARDED, AuditAction.FORWARD_ANSWERED,
        AuditAction.DECISION_APPROVE, AuditAction.ISSUE)), trail.toString());
  }

  @Test
  void onlyAMatterOfTheForwardedKindIsForwarded() {
    Application app = portal.accepted(portal.promised);
    assertEquals(409, refused(() -> portal.forwardings.forward(actor(portal.reviewer), app.id(),
        "福建省市场监督管理局", "上报。")).status());
    assertEquals(ApplicationStatus.ACCEPTED, app.status());
  }

  @Test
  void aDenialFromAboveIsIssuedAsTheDepartmentsDenialDecision() {
    Application app = portal.accepted(portal.forwarded);
    portal.forwardings.forward(actor(portal.chiefB), app.id(), "福建省市场监督管理局", "建议不予许可。");
    DecisionService.Result result = portal.forwardings.answer(actor(portal.chiefB), app.id(),
        DecisionOutcome.DENY, REFERENCE, "生产场所不符合保健食品良好生产规范，不予许可。", TestPortal.PIN);
    assertEquals(DocumentKind.DENIAL_DECISION, result.issued().kind());
    assertTrue(result.recorded().text().contains("不同意许可"), result.recorded().text());
  }
}
