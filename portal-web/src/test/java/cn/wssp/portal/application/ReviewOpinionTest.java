package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 审查意见: the reviewer of a deciding department, on an accepted application, before it decides. */
class ReviewOpinionTest {
  final TestPortal portal = new TestPortal();
  final ReviewOpinions opinions = portal.opinions;

  @Test
  void theReviewerAdvisesAndTheChiefSeesIt() {
    Application app = portal.accepted(portal.joint);
    assertTrue(portal.views.of(actor(portal.reviewer), app.id()).can("OPINION"));
    ReviewOpinion o = opinions.give(actor(portal.reviewer), app.id(), DecisionOutcome.DENY,
        "  餐饮区布局不符合要求。 ");
    assertEquals("市场监督管理局", o.department().name());
    assertEquals("餐饮区布局不符合要求。", o.reason());
    ApplicationView chiefs = portal.views.of(actor(portal.chiefB), app.id());
    assertEquals(List.of("市场监督管理局:reviewer:DENY:餐饮区布局不符合要求。"), chiefs.opinions().stream()
        .map(x -> x.department() + ":" + x.reviewer() + ":" + x.outcome() + ":" + x.reason()).toList());
    assertTrue(portal.views.of(actor(portal.applicant), app.id()).opinions().isEmpty(),
        "internal advice, not shown to the enterprise");
    assertTrue(portal.auditActions(app).contains(AuditAction.REVIEW_OPINION));
  }

  @Test
  void aDenialNeedsItsReasonAndAnOutcomeIsRequired() {
    Application app = portal.accepted(portal.promised);
    DomainException noReason = assertThrows(DomainException.class,
        () -> opinions.give(actor(portal.reviewer), app.id(), DecisionOutcome.DENY, " "));
    assertEquals(400, noReason.status());
    assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
    DomainException noOutcome = assertThrows(DomainException.class,
        () -> opinions.give(actor(portal.reviewer), app.id(), null, "x"));
    assertEquals(400, noOutcome.status());
    assertTrue(noOutcome.getMessage().contains("outcome"), noOutcome.getMessage());
    assertNull(opinions.give(actor(portal.reviewer), app.id(), DecisionOutcome.APPROVE, null).reason());
  }

  @Test
  void onlyReviewersGiveOpinions() {
    Application app = portal.accepted(portal.promised);
    for (UserAccount other : List.of(portal.chiefB, portal.clerk, portal.supervisor, portal.admin,
        portal.applicant)) {
      assertEquals(403, assertThrows(DomainException.class, () -> opinions.give(actor(other),
          app.id(), DecisionOutcome.APPROVE, "同意。")).status(), other.username());
    }
    assertEquals(404, assertThrows(DomainException.class, () -> opinions.give(actor(portal.applicant2),
        app.id(), DecisionOutcome.APPROVE, "同意。")).status());
  }

  @Test
  void notBeforeAcceptanceNorAfterTheDepartmentDecided() {
    Application waiting = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    DomainException early = assertThrows(DomainException.class, () -> opinions.give(
        actor(portal.reviewer), waiting.id(), DecisionOutcome.APPROVE, "同意。"));
    assertEquals(409, early.status());
    assertTrue(early.getMessage().contains("受理后"), early.getMessage());

    Application joint = portal.accepted(portal.joint);
    portal.decisions.decide(actor(portal.chiefB), joint.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    assertEquals(ApplicationStatus.UNDER_REVIEW, joint.status());
    DomainException decided = assertThrows(DomainException.class, () -> opinions.give(
        actor(portal.reviewer), joint.id(), DecisionOutcome.APPROVE, "同意。"));
    assertEquals(409, decided.status());
    assertTrue(decided.getMessage().contains("市场监督管理局"), decided.getMessage());
    assertFalse(portal.views.of(actor(portal.reviewer), joint.id()).can("OPINION"));
  }
}
