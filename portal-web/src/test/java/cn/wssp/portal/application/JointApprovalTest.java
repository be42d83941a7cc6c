package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 并联审批 of the 联办件 (market and health): any order, one denial ends it, each decides once. */
class JointApprovalTest {
  final TestPortal portal = new TestPortal();
  final DecisionService service = portal.decisions;

  private DecisionService.Result decide(UserAccount chief, Application app, DecisionOutcome outcome,
      String text) {
    return service.decide(actor(chief), app.id(), outcome, text, PIN);
  }

  @Test
  void acceptanceTellsEveryDepartmentAtOnce() {
    Application app = portal.accepted(portal.joint);
    List<Long> told = portal.messageRepo.messages.stream()
        .filter(m -> m.subject().startsWith("联办件抄告")).map(PortalMessage::userId).toList();
    assertTrue(told.containsAll(List.of(portal.reviewer.id(), portal.chiefB.id(),
        portal.chiefA.id(), portal.chiefB2.id())), told.toString());
    assertFalse(told.contains(portal.applicant.id()));
    assertTrue(portal.auditActions(app).contains(AuditAction.JOINT_CIRCULATED));
  }

  @Test
  void aMatterOfOneDepartmentNeedsNoCirculation() {
    Application app = portal.accepted(portal.promised);
    assertFalse(portal.auditActions(app).contains(AuditAction.JOINT_CIRCULATED));
  }

  @Test
  void healthFirstThenMarketIssuesOneDecisionWithBothSealsInSlotOrder() {
    Application app = portal.accepted(portal.joint);
    DecisionService.Result first = decide(portal.chiefB2, app, DecisionOutcome.APPROVE, "符合公共场所卫生要求。");
    assertNull(first.issued(), "nothing issued while market has to decide");
    assertEquals(ApplicationStatus.UNDER_REVIEW, app.status());
    assertEquals(1, portal.seals.applied.size(), "only the acceptance notice is sealed so far");
    assertTrue(portal.messageRepo.messages.stream().anyMatch(m -> m.userId().equals(portal.chiefB.id())
        && m.subject().startsWith("联办件进展") && m.body().contains("卫生健康委员会已作出准予许可决定")),
        "the department still to decide is told");

    Document decision = decide(portal.chiefB, app, DecisionOutcome.APPROVE, "准予从事餐饮服务。").issued();
    assertEquals(DocumentKind.APPROVAL_DECISION, decision.kind());
    assertEquals(2, decision.signatureCount());
    assertEquals(ApplicationStatus.ISSUED, app.status());
    List<String> seals = portal.seals.applied.stream().skip(1)
        .map(a -> a.departmentCode() + ":" + a.request().fieldName()).toList();
    assertEquals(List.of("SCJG:seal-1", "WSJK:seal-2"), seals, "places by the matter, not by the order of deciding");
    assertEquals(List.of(DocumentKind.ACCEPTANCE_NOTICE, DocumentKind.APPROVAL_DECISION),
        portal.documentRepo.ofApplication(app.id()).stream().map(Document::kind).toList());
  }

  @Test
  void marketFirstThenHealthIssuesTheSame() {
    Application app = portal.accepted(portal.joint);
    assertNull(decide(portal.chiefB, app, DecisionOutcome.APPROVE, "准予。").issued());
    Document decision = decide(portal.chiefB2, app, DecisionOutcome.APPROVE, "准予。").issued();
    assertEquals(2, decision.signatureCount());
    assertEquals(ApplicationStatus.ISSUED, app.status());
    ApplicationView view = portal.views.of(actor(portal.applicant), app.id());
    assertEquals(List.of("市场监督管理局:APPROVE:chief-b", "卫生健康委员会:APPROVE:chief-b-2"),
        view.departmentDecisions().stream()
            .map(d -> d.department() + ":" + d.outcome() + ":" + d.chief()).toList());
  }

  @Test
  void healthDeniesAfterMarketApproved() {
    Application app = portal.accepted(portal.joint);
    decide(portal.chiefB, app, DecisionOutcome.APPROVE, "准予。");
    Document denial = decide(portal.chiefB2, app, DecisionOutcome.DENY, "卫生检测报告不合格。").issued();
    assertDeniedBy(app, denial, portal.health, "WSJK", "卫生检测报告不合格。");
  }

  @Test
  void marketDeniesAfterHealthApproved() {
    Application app = portal.accepted(portal.joint);
    decide(portal.chiefB2, app, DecisionOutcome.APPROVE, "准予。");
    Document denial = decide(portal.chiefB, app, DecisionOutcome.DENY, "经营场所与申请不符。").issued();
    assertDeniedBy(app, denial, portal.market, "SCJG", "经营场所与申请不符。");
  }

  private void assertDeniedBy(Application app, Document denial, Department department, String code,
      String reason) {
    assertEquals(DocumentKind.DENIAL_DECISION, denial.kind());
    assertEquals(1, denial.signatureCount(), "the denying department alone");
    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertEquals(List.of(code + ":seal-1"), portal.seals.applied.stream().skip(1)
        .map(a -> a.departmentCode() + ":" + a.request().fieldName()).toList());
    assertTrue(portal.documentRepo.ofApplication(app.id()).stream()
        .noneMatch(d -> d.kind() == DocumentKind.APPROVAL_DECISION), "the approval is never issued");
    List<String> text = OfficialTexts.jointDenial(app, portal.clock.getZone(), department, reason);
    assertTrue(String.join("", text).contains("不予许可部门：" + department.name()), text.toString());
    // The other department's approval stays in the history.
    assertEquals(2, portal.reviewRepo.decisions(app.id()).size());
    assertEquals(List.of(AuditAction.DECISION_APPROVE, AuditAction.DECISION_DENY, AuditAction.ISSUE),
        portal.auditActions(app).subList(portal.auditActions(app).size() - 3, portal.auditActions(app).size()));
  }

  @Test
  void aDepartmentDecidesOnceAndNobodyAfterTheEnd() {
    Application app = portal.accepted(portal.joint);
    decide(portal.chiefB, app, DecisionOutcome.APPROVE, "准予。");
    DomainException twice = assertThrows(DomainException.class,
        () -> decide(portal.chiefB, app, DecisionOutcome.DENY, "改为不予。"));
    assertEquals(409, twice.status());
    assertTrue(twice.getMessage().contains("市场监督管理局") && twice.getMessage().contains("只能决定一次"),
        twice.getMessage());
    assertEquals(1, portal.reviewRepo.decisions(app.id()).size());

    decide(portal.chiefB2, app, DecisionOutcome.DENY, "不予。");
    DomainException after = assertThrows(DomainException.class,
        () -> decide(portal.chiefB2, app, DecisionOutcome.APPROVE, "准予。"));
    assertEquals(409, after.status());
    assertTrue(after.getMessage().contains("已办结"), after.getMessage());
  }

  @Test
  void theDecisionActionGoesOnceTheDepartmentDecided() {
    Application app = portal.accepted(portal.joint);
    assertTrue(portal.views.of(actor(portal.chiefB), app.id()).can("DECISION"));
    decide(portal.chiefB, app, DecisionOutcome.APPROVE, "准予。");
    assertFalse(portal.views.of(actor(portal.chiefB), app.id()).can("DECISION"));
    assertTrue(portal.views.of(actor(portal.chiefB2), app.id()).can("DECISION"));
    ApplicationView.DepartmentDecisionView health =
        portal.views.of(actor(portal.chiefB2), app.id()).departmentDecisions().get(1);
    assertFalse(health.decided());
    assertNull(health.decidedAt());
  }

  @Test
  void thePreviewIsADraftOfTheWholeDecision() {
    Application app = portal.accepted(portal.joint);
    byte[] pdf = portal.previews.preview(actor(portal.chiefB2), app.id(), DecisionOutcome.APPROVE, "准予。");
    assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
    assertEquals(1, portal.seals.applied.size(), "a preview is never sealed");
    assertEquals(1, portal.documentRepo.ofApplication(app.id()).size(), "nor stored");
    assertEquals(0, portal.reviewRepo.decisions(app.id()).size(), "nor decided");
    assertEquals(403, assertThrows(DomainException.class, () -> portal.previews.preview(
        actor(portal.reviewer), app.id(), DecisionOutcome.APPROVE, "准予。")).status());
    assertEquals(400, assertThrows(DomainException.class, () -> portal.previews.preview(
        actor(portal.chiefB), app.id(), DecisionOutcome.DENY, " ")).status());
    decide(portal.chiefB, app, DecisionOutcome.APPROVE, "准予。");
    assertEquals(409, assertThrows(DomainException.class, () -> portal.previews.preview(
        actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。")).status());
  }
}
