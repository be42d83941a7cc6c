package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The view tells each actor what they may do now; pages and API clients only read it. */
class ApplicationViewsTest {
  final TestPortal portal = new TestPortal();

  Set<ApplicationAction> actions(UserAccount who, Application app) {
    return portal.views.of(actor(who), app.id()).actions();
  }

  @Test
  void aDraftIsTheApplicantsToEditSubmitOrWithdraw() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    assertEquals(Set.of(ApplicationAction.EDIT_MATERIALS, ApplicationAction.SUBMIT,
        ApplicationAction.WITHDRAW, ApplicationAction.READ_MATERIALS,
        ApplicationAction.READ_DOCUMENTS, ApplicationAction.READ_AUDIT_TRAIL),
        actions(portal.applicant, app));
    assertEquals(404, assertThrows(DomainException.class, () -> actions(portal.clerk, app)).status());
  }

  @Test
  void thePreReviewedApplicationWaitsForTheWindowAndMayBeCommittedTo() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    assertTrue(actions(portal.applicant, app).containsAll(
        Set.of(ApplicationAction.WITHDRAW, ApplicationAction.COMMIT)));
    assertFalse(actions(portal.applicant, app).contains(ApplicationAction.SUBMIT));
    assertTrue(actions(portal.clerk, app).contains(ApplicationAction.ACCEPTANCE));
    assertFalse(actions(portal.chiefB, app).contains(ApplicationAction.DECISION));
  }

  @Test
  void anAcceptedApplicationWaitsForTheChiefWithAGreenLight() {
    Application app = portal.accepted(portal.promised);
    assertTrue(actions(portal.chiefB, app).contains(ApplicationAction.DECISION));
    assertFalse(actions(portal.clerk, app).contains(ApplicationAction.ACCEPTANCE));
    ApplicationView v = portal.views.of(actor(portal.applicant), app.id());
    assertEquals(Light.GREEN, v.deadlines().light());
    assertEquals(1, v.documents().size());
    assertEquals("ACCEPTANCE_NOTICE", v.documents().get(0).kind());
  }

  @Test
  void theLightTurnsRedWhenTheReviewIsOverdue() {
    Application app = portal.accepted(portal.promised);
    portal.clock.advance(java.time.Duration.ofDays(30));
    assertEquals(Light.RED, portal.views.of(actor(portal.supervisor), app.id()).deadlines().light());
  }
}
