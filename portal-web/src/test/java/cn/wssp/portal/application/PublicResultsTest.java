package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicResultsTest {
  final TestPortal portal = new TestPortal();

  @Test
  void issuedApprovalsNewestFirstWithoutTheEnterprise() {
    Application first = portal.issued(portal.promised);
    Application denied = portal.accepted(portal.promised);
    portal.decisions.decide(actor(portal.chiefB), denied.id(), DecisionOutcome.DENY, "不符合条件。", PIN);
    portal.accepted(portal.promised); // not decided
    Application second = portal.issued(portal.promised);

    PublicResults.Page page = portal.results.page(0);
    assertEquals(2, page.total());
    assertEquals(1, page.pages());
    assertEquals(2, page.results().size());
    PublicResults.Result newest = page.results().get(0);
    assertEquals(portal.documentRepo.latest(second.id(), DocumentKind.APPROVAL_DECISION)
        .orElseThrow().number(), newest.documentNumber());
    assertEquals("食品经营许可（新办）", newest.matterName());
    assertEquals("市场监督管理局", newest.department());
    assertEquals(LocalDate.of(2026, 11, 23), newest.decidedOn());
    assertFalse(page.toString().contains("演示科技"));
    assertNotNull(first);
  }

  @Test
  void twentyAPage() {
    for (int i = 0; i < 21; i++) {
      portal.issued(portal.promised);
    }
    assertEquals(20, portal.results.page(0).results().size());
    assertEquals(1, portal.results.page(1).results().size());
    assertEquals(2, portal.results.page(1).pages());
  }
}
