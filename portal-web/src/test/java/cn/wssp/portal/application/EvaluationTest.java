package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  final TestPortal portal = new TestPortal();
  final ApplicationService service = portal.applications;

  @Test
  void theOwnerRatesOnceAfterTheOutcome() {
    Application app = portal.issued(portal.promised);
    assertTrue(portal.views.of(actor(portal.applicant), app.id()).actions()
        .contains(ApplicationAction.EVALUATE), "offered to the owner after the outcome");
    assertFalse(portal.views.of(actor(portal.supervisor), app.id()).actions()
        .contains(ApplicationAction.EVALUATE), "to the owner only");
    Evaluation e = service.evaluate(actor(portal.applicant), app.id(), 5, "  办理很快。 ");
    assertFalse(portal.views.of(actor(portal.applicant), app.id()).actions()
        .contains(ApplicationAction.EVALUATE), "once");
    assertEquals(5, e.score());
    assertEquals("办理很快。", e.comment());
    var view = portal.views.of(actor(portal.supervisor), app.id()).evaluation();
    assertEquals(5, view.score());
    assertEquals("办理很快。", view.comment());
    assertNotNull(view.at());
    assertEquals(AuditAction.EVALUATED, portal.auditActions(app).get(portal.auditActions(app).size() - 1));

    DomainException again = assertThrows(DomainException.class,
        () -> service.evaluate(actor(portal.applicant), app.id(), 1, null));
    assertEquals(409, again.status());
    assertEquals(5, service.evaluationOf(app.id()).orElseThrow().score(), "unchanged");
  }

  @Test
  void scoreOneToFiveAndAShortComment() {
    Application app = portal.issued(portal.promised);
    for (Integer bad : new Integer[] {null, 0, 6, -1}) {
      DomainException e = assertThrows(DomainException.class,
          () -> service.evaluate(actor(portal.applicant), app.id(), bad, null));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("score"), e.getMessage());
    }
    DomainException tooLong = assertThrows(DomainException.class,
        () -> service.evaluate(actor(portal.applicant), app.id(), 3, "好".repeat(501)));
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.getMessage().contains("comment"), tooLong.getMessage());
    assertEquals(3, service.evaluate(actor(portal.applicant), app.id(), 3, "好".repeat(500)).score());
  }

  @Test
  void onlyAfterAnOutcome() {
    Application open = portal.accepted(portal.promised);
    DomainException e = assertThrows(DomainException.class,
        () -> service.evaluate(actor(portal.applicant), open.id(), 4, null));
    assertEquals(409, e.status());

    Application refused = portal.preReviewed(portal.promised, Verdict.INCOMPLETE);
    portal.acceptance.decide(actor(portal.clerk), refused.id(), AcceptanceAction.NOT_ACCEPT, "不属于本中心受理范围。");
    assertEquals(2, service.evaluate(actor(portal.applicant), refused.id(), 2, null).score());
  }

  @Test
  void onlyTheOwner() {
    Application app = portal.issued(portal.promised);
    assertEquals(404, assertThrows(DomainException.class,
        () -> service.evaluate(actor(portal.applicant2), app.id(), 5, null)).status());
    assertEquals(403, assertThrows(DomainException.class,
        () -> service.evaluate(actor(portal.supervisor), app.id(), 5, null)).status());
  }
}
