package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.Ids;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 委托书 (issue 8): the center issues a letter naming a department's B and A, matters, actions
 * and a period; sealing a decision needs one in force for that matter and day, role A only while
 * that letter's B is recorded absent. The clock is Monday 2026-11-23.
 */
class DelegationsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  final TestPortal portal = new TestPortal();
  final Delegations delegations = portal.delegations;
  final Set<DelegatedAction> deciding = EnumSet.of(DelegatedAction.APPROVE, DelegatedAction.ISSUE);

  Delegations.Request request(String department, String roleA, String roleB, List<String> matters,
      Set<DelegatedAction> actions, LocalDate from, LocalDate to) {
    return new Delegations.Request(department, roleA, roleB, matters, actions, from, to);
  }

  Delegations.Request marketFor(List<String> matters, LocalDate from, LocalDate to) {
    return request("SCJG", "chief-a", "chief-b", matters, deciding, from, to);
  }

  /** Only the letters a test issues: the demo's all-matters letter of the market ends today-1. */
  void withoutDemoMarketLetter() {
    Ids.set(portal.demoMarketDelegation, "validTo", TODAY.minusDays(1));
  }

  @Test
  void theCenterIssuesASealedLetterOfNoApplication() {
    Delegations.View view = delegations.issue(actor(portal.admin), request("市场监督管理局", "chief-a",
        "chief-b", List.of("SCJG-0001"), deciding, TODAY, TODAY.plusDays(30)));
    assertEquals("SCJG", view.departmentCode());
    assertEquals("chief-a", view.roleA());
    assertEquals("chief-b", view.roleB());
    assertEquals(List.of("SCJG-0001"), view.matters());
    assertEquals(List.of(DelegatedAction.APPROVE, DelegatedAction.ISSUE), view.actions());
    assertEquals(List.of("审批", "签发"), view.actionLabels());
    assertEquals("DELEGATION_LETTER", view.letter().kind());
    assertTrue(view.letter().number().startsWith("WT2026"), view.letter().number());

    Document letter = portal.documentRepo.find(view.letter().id()).orElseThrow();
    assertNull(letter.applicationId());
    assertEquals(1, letter.signatureCount());
    assertEquals(List.of("SCJG"), portal.seals.applied.stream().map(a -> a.departmentCode()).toList(),
        "sealed with the department's seal");
    assertEquals(AuditAction.DELEGATION_ISSUED,
        portal.auditRepo.entries.get(portal.auditRepo.entries.size() - 1).action());
    assertEquals(view.id(), delegations.all(actor(portal.admin)).get(0).id());

    assertArrayEquals(portal.issuer.read(letter), portal.access.download(actor(portal.admin), letter.id()).bytes());
    assertNotNull(portal.access.download(actor(portal.chiefA), letter.id()));
    assertEquals(404, assertThrows(DomainException.class,
        () -> portal.access.download(actor(portal.chiefB2), letter.id())).status());
    assertEquals(404, assertThrows(DomainException.class,
        () -> portal.access.download(actor(portal.applicant), letter.id())).status());
  }

  @Test
  void onlyTheCenterIssuesOrListsLetters() {
    assertEquals(403, assertThrows(DomainException.class, () -> delegations.issue(
        actor(portal.chiefB), marketFor(List.of(), TODAY, TODAY))).status());
    assertEquals(403, assertThrows(DomainException.class,
        () -> delegations.all(actor(portal.supervisor))).status());
  }

  @Test
  void aLetterIsCheckedFieldByField() {
    assertInvalid("department", request("", "chief-a", "chief-b", List.of(), deciding, TODAY, TODAY));
    assertInvalid("department", request("XXXX", "chief-a", "chief-b", List.of(), deciding, TODAY, TODAY));
    assertInvalid("roleB", request("SCJG", "chief-a", "clerk", List.of(), deciding, TODAY, TODAY));
    assertInvalid("roleB", request("SCJG", "chief-a", "chief-b-2", List.of(), deciding, TODAY, TODAY));
    assertInvalid("roleA", request("SCJG", null, "chief-b", List.of(), deciding, TODAY, TODAY));
    assertInvalid("roleA", request("SCJG", "chief-b", "chief-b", List.of(), deciding, TODAY, TODAY));
    assertInvalid("matters", request("SCJG", "chief-a", "chief-b", List.of("NOPE-1"), deciding, TODAY, TODAY));
    assertInvalid("actions", request("SCJG", "chief-a", "chief-b", List.of(), Set.of(), TODAY, TODAY));
    assertInvalid("validTo", request("SCJG", "chief-a", "chief-b", List.of(), deciding, TODAY, TODAY.minusDays(1)));
    assertTrue(portal.seals.applied.isEmpty(), "nothing sealed for a refused letter");
  }

  void assertInvalid(String field, Delegations.Request request) {
    DomainException e = assertThrows(DomainException.class,
        () -> delegations.issue(actor(portal.admin), request));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains(field), field + ": " + e.getMessage());
  }

  @Test
  void roleAIsRefusedWhileTheLettersBIsPresentAndSignsWhileBIsAbsent() {
    withoutDemoMarketLetter();
    delegations.issue(actor(portal.admin), marketFor(List.of(), TODAY, TODAY.plusDays(30)));
    Application app = portal.accepted(portal.promised);
    DomainException refused = assertThrows(DomainException.class, () -> portal.decisions.decide(
        actor(portal.chiefA), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, refused.status());
    assertEquals("B角首席代表在岗时由B角签章；A角仅在B角登记缺席时签章。", refused.getMessage());
    assertEquals(AuditAction.SIGNING_REFUSED, portal.auditActions(app).get(portal.auditActions(app).size() - 1));

    portal.absences.record(actor(portal.admin), "chief-b", TODAY, TODAY, "赴省厅培训");
    Document decision = portal.decisions.decide(actor(portal.chiefA), app.id(),
        DecisionOutcome.APPROVE, "准予。", PIN).issued();
    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertEquals(1, decision.signatureCount());
  }

  @Test
  void anAbsenceOnAnotherDayLeavesRoleARefused() {
    withoutDemoMarketLetter();
    delegations.issue(actor(portal.admin), marketFor(List.of(), TODAY, TODAY.plusDays(30)));
    portal.absences.record(actor(portal.admin), "chief-b", TODAY.plusDays(1), TODAY.plusDays(2), "出差");
    Application app = portal.accepted(portal.promised);
    assertEquals(403, assertThrows(DomainException.class, () -> portal.decisions.decide(
        actor(portal.chiefA), app.id(), DecisionOutcome.APPROVE, "准予。", PIN)).status());
  }

  @Test
  void aLetterForAnotherMatterDoesNotLetTheChiefSign() {
    withoutDemoMarketLetter();
    delegations.issue(actor(portal.admin), marketFor(List.of("LB-0001"), TODAY, TODAY.plusDays(30)));
    Application app = portal.accepted(portal.promised);
    DomainException e = assertThrows(DomainException.class, () -> portal.decisions.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("食品经营许可（新办）") && e.getMessage().contains("委托书"),
        e.getMessage());
    assertEquals(AuditAction.SIGNING_REFUSED, portal.auditActions(app).get(portal.auditActions(app).size() - 1));
    assertEquals(ApplicationStatus.ACCEPTED, app.status());
  }

  @Test
  void outsideTheLettersPeriodTheChiefIsRefused() {
    withoutDemoMarketLetter();
    delegations.issue(actor(portal.admin), marketFor(List.of(), TODAY.plusDays(1), TODAY.plusDays(30)));
    Application app = portal.accepted(portal.promised);
    DomainException early = assertThrows(DomainException.class, () -> portal.decisions.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, early.status());
    assertTrue(early.getMessage().contains(TODAY.toString()), early.getMessage());

    portal.clock.advance(java.time.Duration.ofDays(31)); // 2026-12-24, the letter ended the 23rd
    DomainException late = assertThrows(DomainException.class, () -> portal.decisions.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, late.status());

    portal.clock.advance(java.time.Duration.ofDays(-30)); // 2026-11-24: inside
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    assertEquals(ApplicationStatus.ISSUED, app.status());
  }

  @Test
  void aLetterWithoutIssuingRightsDoesNotLetTheChiefSeal() {
    withoutDemoMarketLetter();
    delegations.issue(actor(portal.admin), request("SCJG", "chief-a", "chief-b", List.of(),
        EnumSet.of(DelegatedAction.ACCEPT, DelegatedAction.REVIEW, DelegatedAction.APPROVE), TODAY,
        TODAY.plusDays(30)));
    Application app = portal.accepted(portal.promised);
    DomainException e = assertThrows(DomainException.class, () -> portal.decisions.decide(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("审批、签发"), e.getMessage());
  }

  @Test
  void theDemoLettersStillLetRoleBSign() {
    Application app = portal.accepted(portal.promised);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    assertEquals(ApplicationStatus.ISSUED, app.status());
  }
}
