package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.Ids;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 并联审批 as a rule of its own: all approve → approved; any denial → denied; each decides once. */
class JointDecisionTest {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  final Department market = Ids.assign(new Department("SCJG", "市场监督管理局", "市监"));
  final Department health = Ids.assign(new Department("WSJK", "卫生健康委员会", "卫健"));
  final Department tax = Ids.assign(new Department("SW", "税务局", "税务"));
  final UserAccount chiefMarket = chief("chief-b", market);
  final UserAccount chiefHealth = chief("chief-b-2", health);
  final UserAccount chiefTax = chief("chief-tax", tax);
  final Enterprise enterprise = Ids.assign(new Enterprise("演示科技有限公司", CreditCode.complete("91350100M0001XU43")));
  final Application app = Ids.assign(new Application("SQ1", new Matter("LB", "联办", MatterKind.JOINT,
      15, "c", "l", "p", "f", List.of(market, health)),
      new UserAccount("applicant", "林晓", "x", Set.of(Role.APPLICANT)).inEnterprise(enterprise),
      Instant.EPOCH, "TRACK234"));
  final Instant now = Instant.parse("2026-11-23T02:00:00Z");
  final List<DepartmentDecision> recorded = new ArrayList<>();

  static UserAccount chief(String name, Department d) {
    return Ids.assign(new UserAccount(name, name, "x", Set.of(Role.CHIEF_REP)).inDepartment(d));
  }

  JointDecision decide(UserAccount chief, DecisionOutcome outcome) {
    JointDecision joint = new JointDecision(app, recorded);
    recorded.add(joint.decide(chief, outcome, " 理由 ", now, BEIJING));
    return new JointDecision(app, recorded);
  }

  @Test
  void approvedOnlyWhenEveryDepartmentApprovedInEitherOrder() {
    JointDecision first = decide(chiefHealth, DecisionOutcome.APPROVE);
    assertEquals(JointDecision.State.PENDING, first.state());
    assertEquals(List.of(market), first.pending());
    JointDecision both = decide(chiefMarket, DecisionOutcome.APPROVE);
    assertEquals(JointDecision.State.APPROVED, both.state());
    assertEquals(List.of(market, health), both.approvalsInMatterOrder().stream()
        .map(DepartmentDecision::department).toList(), "seal places follow the matter");
    assertEquals("理由", recorded.get(0).text());
  }

  @Test
  void oneDenialDeniesAndNamesItsDepartment() {
    decide(chiefMarket, DecisionOutcome.APPROVE);
    JointDecision denied = decide(chiefHealth, DecisionOutcome.DENY);
    assertEquals(JointDecision.State.DENIED, denied.state());
    assertEquals(health, denied.denial().orElseThrow().department());
  }

  @Test
  void aDepartmentDecidesOnceAndNothingFollowsADenial() {
    decide(chiefHealth, DecisionOutcome.DENY);
    DomainException twice = assertThrows(DomainException.class,
        () -> decide(chiefHealth, DecisionOutcome.APPROVE));
    assertEquals(409, twice.status());
    assertTrue(twice.getMessage().contains("「卫生健康委员会」已于"), twice.getMessage());
    DomainException afterDenial = assertThrows(DomainException.class,
        () -> decide(chiefMarket, DecisionOutcome.APPROVE));
    assertEquals(409, afterDenial.status());
    assertTrue(afterDenial.getMessage().contains("不予许可"), afterDenial.getMessage());
  }

  @Test
  void aDepartmentOutsideTheMatterDoesNotDecide() {
    assertEquals(403, assertThrows(DomainException.class,
        () -> decide(chiefTax, DecisionOutcome.APPROVE)).status());
    assertTrue(recorded.isEmpty());
  }
}
