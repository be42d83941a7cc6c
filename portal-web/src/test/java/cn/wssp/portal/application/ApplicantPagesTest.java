package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 我的办件 (filtered, paged list), 办理进度 (steps on the page) and 我的证照 at service level. */
class ApplicantPagesTest {
  final TestPortal portal = new TestPortal();
  final Actor applicant = actor(portal.applicant);

  static ApplicationFilter all() {
    return new ApplicationFilter(null, null, null, null, null, null, false);
  }

  /** Applications submitted one hour apart: ids in submission order. */
  List<Application> submittedHourly(int n) {
    List<Application> made = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      Application app = portal.applications.create(applicant, portal.immediate.code());
      for (MaterialSpec m : portal.immediate.materials()) {
        portal.uploaded(app, m.code());
      }
      portal.applications.submit(applicant, app.id());
      made.add(app);
      portal.clock.advance(Duration.ofHours(1));
    }
    return made;
  }

  @Test
  void pagesNewestSubmissionFirstWithDraftsLastAndCountsTheWhole() {
    List<Application> sent = submittedHourly(7);
    Application draft = portal.applications.create(applicant, portal.promised.code());
    var first = portal.applications.page(applicant, all(), 0, 3);
    assertEquals(8, first.total());
    assertEquals(List.of(sent.get(6).id(), sent.get(5).id(), sent.get(4).id()),
        first.rows().stream().map(Application::id).toList());
    var last = portal.applications.page(applicant, all(), 6, 3);
    assertEquals(List.of(sent.get(0).id(), draft.id()), last.rows().stream().map(Application::id).toList(),
        "the draft (never submitted) comes last");
    var oldest = portal.applications.page(applicant,
        new ApplicationFilter(null, null, null, null, null, null, true), 0, 2);
    assertEquals(List.of(sent.get(0).id(), sent.get(1).id()),
        oldest.rows().stream().map(Application::id).toList());
  }

  @Test
  void filtersByGroupMatterDatesAndNumberAndNeverShowsAnotherEnterprise() {
    List<Application> sent = submittedHourly(3);
    Application draft = portal.applications.create(applicant, portal.promised.code());
    Application others = portal.applications.create(actor(portal.applicant2), portal.promised.code());

    var drafts = portal.applications.page(applicant,
        new ApplicationFilter(StatusGroup.DRAFT.statuses(), null, null, null, null, null, false), 0, 10);
    assertEquals(List.of(draft.id()), drafts.rows().stream().map(Application::id).toList());
    assertFalse(drafts.rows().stream().anyMatch(a -> a.id().equals(others.id())));

    var byMatter = portal.applications.page(applicant,
        new ApplicationFilter(null, null, portal.immediate.code(), null, null, null, false), 0, 10);
    assertEquals(3, byMatter.total());

    Instant second = sent.get(1).submittedAt();
    var window = portal.applications.page(applicant, new ApplicationFilter(null, null, null,
        second, second.plusSeconds(1), null, false), 0, 10);
    assertEquals(List.of(sent.get(1).id()), window.rows().stream().map(Application::id).toList(),
        "from inclusive, to exclusive; drafts have no submission date");

    String part = sent.get(2).number().substring(4).toLowerCase();
    var byNumber = portal.applications.page(applicant,
        new ApplicationFilter(null, null, null, null, null, part, false), 0, 10);
    assertTrue(byNumber.rows().stream().anyMatch(a -> a.id().equals(sent.get(2).id())), part);

    // Another enterprise's number finds nothing here, even typed in full.
    var theirs = portal.applications.page(applicant,
        new ApplicationFilter(null, 999L, null, null, null, others.number(), false), 0, 10);
    assertEquals(0, theirs.total());
    assertEquals(List.of(), theirs.rows());
  }

  @Test
  void onlyApplicantsPageTheirListAndAPageHasALimit() {
    assertThrows(DomainException.class, () -> portal.applications.page(actor(portal.clerk), all(), 0, 10));
    submittedHourly(2);
    assertEquals(1, portal.applications.page(applicant, all(), 0, 1).rows().size());
    assertEquals(2, portal.applications.page(applicant, all(), 0, 10_000).rows().size());
  }

  @Test
  void everyStatusBelongsToExactlyOneGroup() {
    Set<ApplicationStatus> seen = EnumSet.noneOf(ApplicationStatus.class);
    for (StatusGroup g : StatusGroup.values()) {
      for (ApplicationStatus s : g.statuses()) {
        assertTrue(seen.add(s), s + " is in two groups");
        assertEquals(g, StatusGroup.of(s));
      }
    }
    assertEquals(EnumSet.allOf(ApplicationStatus.class), seen);
    assertEquals(StatusGroup.SUPPLEMENT, StatusGroup.of(ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED));
  }

  @Test
  void theOwnerSeesTheTrackingStepsOnThePageAndOthersDoNot() {
    Application app = portal.issued(portal.promised);
    List<TrackingService.Step> steps = portal.tracking.stepsOf(applicant, app.id());
    assertEquals(List.of("提交申请", "受理", "准予许可", "办结"),
        steps.stream().map(TrackingService.Step::step).toList());
    assertEquals("市场监督管理局", steps.get(2).department());
    assertThrows(DomainException.class, () -> portal.tracking.stepsOf(actor(portal.applicant2), app.id()));
  }

  @Test
  void licencesAreTheEnterprisesDecisionsWithTheirStanding() {
    Application app = portal.issued(portal.promised);
    portal.accepted(portal.promised); // an acceptance notice only: not a licence
    List<Licences.Licence> mine = portal.licences.of(applicant);
    assertEquals(1, mine.size(), mine.toString());
    Licences.Licence l = mine.get(0);
    assertEquals("APPROVAL_DECISION", l.kind());
    assertEquals(app.number(), l.applicationNumber());
    assertEquals("食品经营许可（新办）", l.matterName());
    assertFalse(l.revoked());
    Licences.Standing s = portal.licences.standing(applicant, l.id());
    assertFalse(s.revoked());
    assertEquals(List.of(), portal.licences.of(actor(portal.applicant2)));
    assertThrows(DomainException.class, () -> portal.licences.standing(actor(portal.applicant2), l.id()),
        "another enterprise's decision is not found");
    assertThrows(DomainException.class, () -> portal.licences.of(actor(portal.clerk)));
  }
}
