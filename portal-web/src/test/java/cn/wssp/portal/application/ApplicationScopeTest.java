package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.UserAccount;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lists and counts are narrowed by the database to the actor's scope (AccessPolicy.scopeOf):
 * for every role the list must hold exactly what {@link AccessPolicy#canSee} lets them see, and
 * the menu's count of what waits must be that list's length.
 */
class ApplicationScopeTest {
  final TestPortal portal = new TestPortal();

  @Test
  void eachRoleListsAndCountsWhatItMaySee() {
    portal.applications.create(actor(portal.applicant), portal.promised.code()); // a draft
    portal.preReviewed(portal.promised, cn.wssp.portal.domain.model.Verdict.COMPLETE);
    portal.accepted(portal.promised);
    portal.accepted(portal.joint);
    portal.accepted(portal.joint);

    Set<ApplicationStatus> decidable = EnumSet.copyOf(ApplicationStatus.DECIDABLE);
    Set<ApplicationStatus> window = EnumSet.copyOf(ApplicationStatus.AWAITING_ACCEPTANCE);
    for (UserAccount user : List.of(portal.clerk, portal.reviewer, portal.chiefB, portal.chiefB2,
        portal.supervisor, portal.admin, portal.applicant)) {
      for (Set<ApplicationStatus> statuses : List.of(decidable, window, Set.<ApplicationStatus>of())) {
        List<Long> seen = portal.applicationRepo.list(statuses,
                cn.wssp.portal.domain.model.ApplicationScope.everySubmitted(), 0, 1000).stream()
            .filter(a -> AccessPolicy.canSee(actor(user), a)).map(a -> a.id()).toList();
        if (!user.equals(portal.applicant)) {
          assertEquals(seen, portal.applications.list(actor(user), statuses).stream()
              .map(a -> a.id()).toList(), user.username() + " " + statuses);
        }
        assertEquals(portal.applications.list(actor(user), statuses).size(),
            portal.applications.countSeen(actor(user), statuses),
            user.username() + " " + statuses);
      }
    }
    // The health department's chief decides only the joint matter: two of the three accepted.
    assertEquals(2, portal.applications.countSeen(actor(portal.chiefB2), decidable));
    assertEquals(3, portal.applications.countSeen(actor(portal.chiefB), decidable));
  }
}
