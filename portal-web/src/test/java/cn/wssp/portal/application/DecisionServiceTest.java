package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionServiceTest {
  final TestPortal portal = new TestPortal();
  final DecisionService service = portal.decisions;

  @Test
  void roleBApprovesSealsAndIssues() {
    Application app = portal.accepted(portal.promised);
    Document decision = service.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE,
        "准予从事食品销售。", PIN).issued();
    assertEquals(DocumentKind.APPROVAL_DECISION, decision.kind());
    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertEquals(1, decision.signatureCount());
    assertEquals(List.of(AuditAction.DECISION_APPROVE, AuditAction.ISSUE),
        portal.auditActions(app).subList(portal.auditActions(app).size() - 2, portal.auditActions(app).size()));
    assertTrue(portal.messageRepo.messages.stream().anyMatch(m -> m.subject().startsWith("审批决定已作出")));
  }

  @Test
  void roleAIsRefusedWhileRoleBIsOnDuty() {
    Application app = portal.accepted(portal.promised);
    DomainException e = assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefA), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("A角"), e.getMessage());
    assertEquals(ApplicationStatus.ACCEPTED, app.status());
  }

  @Test
  void roleASignsWhileRoleBIsRecordedAbsent() {
    Application app = portal.accepted(portal.promised);
    Absences absences = new Absences();
    absences.accounts = portal.accountRepo;
    absences.audit = portal.audit;
    absences.clock = portal.clock;
    assertEquals(403, assertThrows(DomainException.class, () -> absences.record(actor(portal.clerk),
        "chief-b", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27), "出差")).status());
    assertEquals(400, assertThrows(DomainException.class, () -> absences.record(actor(portal.admin),
        "chief-b", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 23), "出差")).status());
    absences.record(actor(portal.admin), "chief-b", LocalDate.of(2026, 11, 23),
        LocalDate.of(2026, 11, 27), "赴省厅培训");
    Document decision = service.decide(actor(portal.chiefA), app.id(), DecisionOutcome.APPROVE,
        "准予。", PIN).issued();
    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertEquals(1, decision.signatureCount());
  }

  @Test
  void noDelegationInForceNoSeal() {
    Application app = portal.accepted(portal.promised);
    portal.clock.advance(java.time.Duration.ofDays(365 * 5)); // past the delegations' 2030-12-31
    DomainException e = assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("委托书"), e.getMessage());
  }

  @Test
  void aWrongPinSealsNothingAndCounts() {
    Application app = portal.accepted(portal.promised);
    DomainException e = assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", "000000"));
    assertEquals("WRONG_PIN", e.code());
    assertTrue(e.getMessage().contains("再错 4 次"), e.getMessage());
    assertEquals(1, portal.seals.applied.size(), "only the acceptance notice was sealed");
  }

  @Test
  void anotherDepartmentsChiefGetsNotFound() {
    Application app = portal.accepted(portal.promised);
    assertEquals(404, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefB2), app.id(), DecisionOutcome.APPROVE, "准予。", PIN)).status());
  }

  @Test
  void theApplicantCannotDecide() {
    Application app = portal.accepted(portal.promised);
    assertEquals(403, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.applicant), app.id(), DecisionOutcome.APPROVE, "准予。", PIN)).status());
  }

  @Test
  void aDenialStatesItsReasonAndNeedsOneSeal() {
    Application app = portal.accepted(portal.promised);
    assertEquals(400, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.DENY, " ", PIN)).status());
    Document denial = service.decide(actor(portal.chiefB), app.id(), DecisionOutcome.DENY,
        "经营场所与申请材料不符。", PIN).issued();
    assertEquals(DocumentKind.DENIAL_DECISION, denial.kind());
    assertEquals(ApplicationStatus.ISSUED, app.status());
  }

  @Test
  void nothingIsDecidedBeforeAcceptance() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    assertEquals(409, assertThrows(DomainException.class, () -> service.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN)).status());
    assertEquals(LocalDate.of(2026, 11, 25), app.preReviewDue());
  }
}
