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
    return new Application("SQ2026000001", matter, applicant, now);
  }

  @Test
  void theHappyPath() {
    Application app = draft();
    assertEquals(ApplicationStatus.DRAFT, app.status());
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview("COMPLETE", now);
    app.accept(now, LocalDate.of(2026, 12, 7), false);
    app.approve(now);
    app.issue();
    assertEquals(ApplicationStatus.ISSUED, app.status());
  }

  @Test
  void supplementRoundGoesBackToTheApplicant() {
    Application app = draft();
    app.submit(now, LocalDate.of(2026, 11, 25));
    app.recordPreReview("INCOMPLETE", now);
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
    assertThrows(DomainException.class, app::issue);
  }

  @Test
  void onlyEnterpriseUsersApply() {
    UserAccount clerk = new UserAccount("clerk", "王芳", "x", Set.of(Role.WINDOW_CLERK));
    assertThrows(DomainException.class, () -> new Application("SQ1", matter, clerk, now));
  }

  @Test
  void enterprisesNeedAValidCreditCode() {
    assertThrows(DomainException.class, () -> new Enterprise("坏公司", "91350100M0001XU431"));
  }
}
