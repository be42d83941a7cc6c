package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationLifecycleTest {
  final Department market = new Department("SCJG", "市场监督管理局", "市监");
  final Enterprise enterprise = new Enterprise("演示科技有限公司", CreditCode.complete("91350100M0001XU43"));
  final UserAccount applicant =
      new UserAccount("applicant", "林晓", "x", Set.of(Role.APPLICANT)).inEnterprise(enterprise);
  final Matter matter = new Matter("M1", "食品经营许可", MatterKind.PROMISED, 10, "c", "l", "p", "f",
      List.of(market));
  final Instant now = Instant.parse("2026-11-23T02:00:00Z");

  Application draft() {
    return new Application("SQ2026000001", matter, applicant, now, "TRACK234");
  }

  @Test
  void theHappyPath() {
    Application app = draft();
    assertEquals(ApplicationStatus.DRAFT, app.status());
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview(Verdict.COMPLETE, now);
    app.accept(now, LocalDate.of(2026, 12, 7), false, null);
    app.approve(now);
    app.issue();
    assertEquals(ApplicationStatus.ISSUED, app.status());
  }

  @Test
  void supplementRoundGoesBackToTheApplicant() {
    Application app = draft();
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview(Verdict.INCOMPLETE, now);
    app.requestSupplement();
    assertTrue(app.isEditableByApplicant());
    app.submit(now, LocalDate.of(2026, 11, 27));
    assertNull(app.preReviewVerdict(), "a resubmission starts a new pre-review");
  }

  @Test
  void illegalMovesAreRefusedWithTheStatusInChinese() {
    Application app = draft();
    DomainException e = assertThrows(DomainException.class, () -> app.approve(now));
    assertEquals(409, e.status());
    assertTrue(e.getMessage().contains("草稿"), e.getMessage());
    // and in English for English pages, the status in words
    assertTrue(e.english().contains("is draft: this cannot be done now"), e.english());
    assertThrows(DomainException.class, app::issue);
  }

  /** An English refusal names the matter by its English name, the Chinese one by its own. */
  @Test
  void anEnglishRefusalNamesTheMatterInEnglishWhenItHasAnEnglishName() {
    Application app = draft();
    DomainException chineseOnly = assertThrows(DomainException.class,
        () -> app.deemApproved(LocalDate.of(2026, 12, 7), now));
    assertTrue(chineseOnly.english().contains("\"食品经营许可\""), "no English name: the Chinese one "
        + chineseOnly.english());
    matter.nameInEnglish("Food business licence");
    DomainException named = assertThrows(DomainException.class,
        () -> app.deemApproved(LocalDate.of(2026, 12, 7), now));
    assertTrue(named.english().contains("\"Food business licence\""), named.english());
    assertTrue(named.getMessage().contains("「食品经营许可」"), named.getMessage());
  }

  @Test
  void theWindowWaitsForThePreReviewAndNeverActsOnADraft() {
    Application app = draft();
    DomainException onDraft = assertThrows(DomainException.class,
        () -> app.accept(now, LocalDate.of(2026, 12, 7), false, "理由"));
    assertEquals(409, onDraft.status(), "ACCEPT on a draft is a conflict, not a server error");
    assertTrue(onDraft.getMessage().contains("草稿"), onDraft.getMessage());
    app.submit(now, LocalDate.of(2026, 11, 25));
    DomainException early = assertThrows(DomainException.class, app::requestSupplement);
    assertEquals(409, early.status());
    assertTrue(early.getMessage().contains("预审尚未完成"), early.getMessage());
    assertEquals("The automatic pre-review is not finished yet; please try again shortly.",
        early.english());
    assertEquals(ApplicationStatus.SUBMITTED, app.status());
  }

  @Test
  void acceptingAgainstTheProposalNeedsAReasonUnlessACommitmentCoversIt() {
    Application app = draft();
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview(Verdict.COMPLETE_WITH_COMMITMENT, now);
    DomainException noReason = assertThrows(DomainException.class,
        () -> app.accept(now, LocalDate.of(2026, 12, 7), false, " "));
    assertEquals(400, noReason.status());
    assertTrue(app.acceptanceWouldOverride(false));
    assertFalse(app.acceptanceWouldOverride(true));
    app.accept(now, LocalDate.of(2026, 12, 7), true, null);
    assertEquals(ApplicationStatus.ACCEPTED_ON_COMMITMENT, app.status());
  }

  @Test
  void notAcceptingAlwaysSaysWhy() {
    Application app = draft();
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview(Verdict.INCOMPLETE, now);
    assertEquals(400, assertThrows(DomainException.class,
        () -> app.refuseAcceptance(now, "")).status());
    app.refuseAcceptance(now, "不属于本中心受理范围");
    assertEquals(ApplicationStatus.NOT_ACCEPTED, app.status());
    assertFalse(app.isWithdrawable(), "a refused application is closed");
  }

  @Test
  void commitmentsCoverOnlyCommitableMaterialsByALaterDate() {
    Matter withMaterials = new Matter("M2", "食品经营许可", MatterKind.PROMISED, 10, "c", "l", "p", "f",
        List.of(market))
        .addMaterial("form", "申请书", true, false, List.of("application/pdf"), 1, 1)
        .addMaterial("layout", "平面布局图", true, true, List.of("application/pdf"), 1, 1);
    Application app = new Application("SQ2", withMaterials, applicant, now, "TRACK234");
    LocalDate today = LocalDate.of(2026, 11, 23);
    app.submit(now, LocalDate.of(2026, 11, 25));
    assertEquals(400, assertThrows(DomainException.class, () -> app.commit(List.of("form"),
        today.plusDays(10), today, false, 1L, now)).status(), "申请书 is not 容缺");
    assertEquals(400, assertThrows(DomainException.class, () -> app.commit(List.of("layout"),
        today, today, false, 1L, now)).status(), "the due date must be after today");
    assertEquals(409, assertThrows(DomainException.class, () -> app.commit(List.of("layout"),
        today.plusDays(10), today, true, 1L, now)).status(), "one commitment per application");
    Commitment c = app.commit(List.of("layout"), today.plusDays(10), today, false, 1L, now);
    assertEquals(List.of("layout"), c.materials());
    assertEquals("「申请书」、「平面布局图」", withMaterials.materialNames(List.of("form", "layout")));
  }

  @Test
  void withdrawingIsPossibleUntilTheDecision() {
    Application app = draft();
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview(Verdict.COMPLETE, now);
    app.accept(now, LocalDate.of(2026, 12, 7), false, null);
    assertTrue(app.isWithdrawable());
    app.approve(now);
    assertFalse(app.isWithdrawable());
    assertEquals(409, assertThrows(DomainException.class, app::withdraw).status());
  }

  @Test
  void onlyAnIssuedApprovalIsRevoked() {
    Application app = draft();
    assertEquals(409, assertThrows(DomainException.class, () -> app.revoke(true)).status());
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview(Verdict.COMPLETE, now);
    app.accept(now, LocalDate.of(2026, 12, 7), false, null);
    app.deny(now);
    app.issue();
    assertEquals(409, assertThrows(DomainException.class, () -> app.revoke(false)).status());
    Application approved = draft();
    approved.submit(now, LocalDate.of(2026, 11, 25));
    approved.recordPreReview(Verdict.COMPLETE, now);
    approved.accept(now, LocalDate.of(2026, 12, 7), false, null);
    approved.approve(now);
    approved.issue();
    approved.revoke(true);
    assertEquals(ApplicationStatus.REVOKED, approved.status());
  }

  @Test
  void onlyEnterpriseUsersApply() {
    UserAccount clerk = new UserAccount("clerk", "王芳", "x", Set.of(Role.WINDOW_CLERK));
    assertThrows(DomainException.class, () -> new Application("SQ1", matter, clerk, now, "TRACK234"));
  }

  @Test
  void enterprisesNeedAValidCreditCode() {
    assertThrows(DomainException.class, () -> new Enterprise("坏公司", "91350100M0001XU431"));
  }
}
