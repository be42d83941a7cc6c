package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.application.UserAdministration.AccountView;
import cn.wssp.portal.application.UserAdministration.Change;
import cn.wssp.portal.application.UserAdministration.NewAccount;
import cn.wssp.portal.application.UserAdministration.Placement;
import cn.wssp.portal.domain.model.*;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {
  static final String PASSWORD = "Harbour-2026!";
  final TestPortal portal = new TestPortal();
  final Actor admin = actor(portal.admin);

  AccountView reviewer(String username) {
    return portal.users.create(admin, new NewAccount(username, "审查员 " + username, PASSWORD, null,
        new Placement(Set.of(Role.REVIEWER), "SCJG", null, null, null, null)));
  }

  List<AuditEntry> entries(AuditAction action) {
    return portal.auditRepo.entries.stream().filter(e -> e.action() == action).toList();
  }

  @Test
  void createsAnAccountThatLogsInWithItsHashedPasswordAndIsAudited() {
    AccountView v = reviewer("wang.lei");
    assertEquals(List.of("REVIEWER"), v.roles());
    assertEquals("SCJG", v.departmentCode());
    assertTrue(v.enabled());
    UserAccount stored = portal.accountRepo.find(v.id()).orElseThrow();
    assertTrue(PasswordHasher.verify(PASSWORD.toCharArray(), stored.passwordHash()),
        "hashed as the login checks it");
    assertFalse(stored.passwordHash().contains(PASSWORD));
    assertTrue(portal.accounts.login("wang.lei", PASSWORD, "127.0.0.1").has(Role.REVIEWER));
    AuditEntry created = entries(AuditAction.ACCOUNT_CREATED).get(0);
    assertEquals("admin", created.actor());
    assertTrue(created.detail().contains("wang.lei"), created.detail());
    assertFalse(created.detail().contains(PASSWORD), "never a password in the audit");
  }

  @Test
  void aChiefRepresentativeNeedsADepartmentRoleAndPin() {
    DomainException noPin = assertThrows(DomainException.class, () -> portal.users.create(admin,
        new NewAccount("chief-x", "首席 X", PASSWORD, null,
            new Placement(Set.of(Role.CHIEF_REP), "WSJK", ChiefRole.A, null, null, null))));
    assertTrue(noPin.getMessage().contains("pin"), noPin.getMessage());
    assertThrows(DomainException.class, () -> portal.users.create(admin,
        new NewAccount("chief-x", "首席 X", PASSWORD, null,
            new Placement(Set.of(Role.CHIEF_REP), "WSJK", null, "123456", null, null))));
    AccountView chief = portal.users.create(admin, new NewAccount("chief-x", "首席 X", PASSWORD,
        "x@example.cn", new Placement(Set.of(Role.CHIEF_REP), "卫生健康委员会", ChiefRole.A, "654321",
            null, null)));
    assertEquals(ChiefRole.A, chief.chiefRole());
    assertEquals("WSJK", chief.departmentCode());
    UserAccount stored = portal.accountRepo.find(chief.id()).orElseThrow();
    assertTrue(PasswordHasher.verify("654321".toCharArray(), stored.pinHash()));
    assertTrue(portal.accountRepo.chiefs(portal.health, ChiefRole.A).contains(stored));
  }

  @Test
  void anApplicantBelongsToAnEnterpriseNewOrKnown() {
    portal.accountRepo.addEnterprise(portal.demo);
    AccountView known = portal.users.create(admin, new NewAccount("lin2", "林二", PASSWORD, null,
        new Placement(Set.of(Role.APPLICANT), null, null, null, portal.demo.creditCode(), "演示科技")));
    assertEquals(portal.demo.creditCode(), known.enterpriseCreditCode());
    assertEquals("演示科技有限公司", known.enterpriseName(), "the known enterprise, not a new one");
    DomainException unknown = assertThrows(DomainException.class, () -> portal.users.create(admin,
        new NewAccount("lin3", "林三", PASSWORD, null, new Placement(Set.of(Role.APPLICANT), null,
            null, null, CreditCode.complete("91350100MA3NEW0X0"), null))));
    assertTrue(unknown.getMessage().contains("enterpriseName"), unknown.getMessage());
    AccountView fresh = portal.users.create(admin, new NewAccount("lin3", "林三", PASSWORD, null,
        new Placement(Set.of(Role.APPLICANT), null, null, null,
            CreditCode.complete("91350100MA3NEW0X0"), "新企业有限公司")));
    assertEquals("新企业有限公司", fresh.enterpriseName());
    assertThrows(DomainException.class, () -> portal.users.create(admin, new NewAccount("lin4",
        "林四", PASSWORD, null, new Placement(Set.of(Role.APPLICANT, Role.REVIEWER), "SCJG", null,
            null, portal.demo.creditCode(), null))), "an applicant is not staff too");
  }

  @Test
  void usernamesAreUniqueIgnoringCaseAndPasswordsFollowTheRule() {
    reviewer("wang.lei");
    DomainException taken = assertThrows(DomainException.class, () -> reviewer("Wang.Lei"));
    assertEquals(409, taken.status());
    assertEquals("USERNAME_TAKEN", taken.code());
    DomainException weak = assertThrows(DomainException.class, () -> portal.users.create(admin,
        new NewAccount("li.na", "李娜", "li.na-2026-x", null,
            new Placement(Set.of(Role.WINDOW_CLERK), null, null, null, null, null))));
    assertEquals(400, weak.status());
    assertTrue(weak.getMessage().contains("password"), weak.getMessage());
    assertThrows(DomainException.class, () -> portal.users.create(admin, new NewAccount("x y",
        "空格", PASSWORD, null, new Placement(Set.of(Role.WINDOW_CLERK), null, null, null, null,
            null))), "username characters");
    assertThrows(DomainException.class, () -> portal.users.create(admin, new NewAccount("li.na",
        "李娜", PASSWORD, null, new Placement(Set.of(Role.WINDOW_CLERK), "SCJG", null, null, null,
            null))), "a clerk belongs to the center, not a department");
  }

  @Test
  void searchesByTextRoleDepartmentAndEnabledInPages() {
    for (int i = 1; i <= 5; i++) {
      reviewer("zhao" + i);
    }
    var page = portal.users.search(admin, new AccountSearch("ZHAO", null, null, null, 1, 2));
    assertEquals(5, page.total());
    assertEquals(List.of("zhao3", "zhao4"), page.items().stream().map(AccountView::username).toList());
    assertEquals(3, portal.users.search(admin, new AccountSearch(null, Role.CHIEF_REP, null, null, 0, 50)).total());
    assertEquals(2, portal.users.search(admin, new AccountSearch(null, Role.CHIEF_REP, "SCJG", null, 0, 50)).total());
    assertEquals(1, portal.users.search(admin, new AccountSearch(null, Role.CHIEF_REP, "卫生健康委员会", null, 0, 50)).total());
    portal.users.change(admin, page.items().get(0).id(), new Change(null, null, null, false));
    assertEquals(1, portal.users.search(admin, new AccountSearch("zhao", null, null, false, 0, 50)).total());
    assertEquals(4, portal.users.search(admin, new AccountSearch("zhao", null, null, true, 0, 50)).total());
  }

  @Test
  void disablingEndsTheTokensAndTheLoginSaysSo() {
    AccountView v = reviewer("wang.lei");
    UserAccount stored = portal.accountRepo.find(v.id()).orElseThrow();
    Accounts.IssuedToken token = portal.accounts.issueToken(stored);
    assertTrue(portal.accounts.byToken(token.token()).isPresent());
    portal.users.change(admin, v.id(), new Change(null, null, null, false));
    assertEquals(0, portal.accountRepo.tokensOf(v.id()), "deleted, not just refused");
    assertTrue(portal.accounts.byToken(token.token()).isEmpty());
    DomainException disabled = assertThrows(DomainException.class,
        () -> portal.accounts.login("wang.lei", PASSWORD, "127.0.0.1"));
    assertEquals(403, disabled.status());
    assertEquals("ACCOUNT_DISABLED", disabled.code());
    assertTrue(disabled.getMessage().contains("停用"));
    DomainException wrong = assertThrows(DomainException.class,
        () -> portal.accounts.login("wang.lei", "Wrong-2026!", "127.0.0.1"));
    assertEquals("INVALID_CREDENTIALS", wrong.code(), "a wrong password reveals nothing");
    portal.users.change(admin, v.id(), new Change(null, null, null, true));
    assertTrue(portal.accounts.login("wang.lei", PASSWORD, "127.0.0.1").enabled());
    assertTrue(entries(AuditAction.ACCOUNT_CHANGED).get(0).detail().contains("停用"));
  }

  @Test
  void aDisabledDemoAccountAnswersLikeAWrongPassword() {
    UserAccount demo = portal.accountRepo.add(new UserAccount("demo-x", "演示",
        PasswordHasher.hash(PASSWORD.toCharArray()), Set.of(Role.WINDOW_CLERK)).asDemo());
    portal.users.change(admin, demo.id(), new Change(null, null, null, false));
    DomainException e = assertThrows(DomainException.class,
        () -> portal.accounts.login("demo-x", PASSWORD, "127.0.0.1"));
    assertEquals("INVALID_CREDENTIALS", e.code());
    assertEquals(401, e.status());
  }

  @Test
  void anAdminCannotLockThemselfOut() {
    DomainException disable = assertThrows(DomainException.class,
        () -> portal.users.change(admin, portal.admin.id(), new Change(null, null, null, false)));
    assertEquals(409, disable.status());
    DomainException demote = assertThrows(DomainException.class,
        () -> portal.users.change(admin, portal.admin.id(), new Change(null, null,
            new Placement(Set.of(Role.SUPERVISOR), null, null, null, null, null), null)));
    assertTrue(demote.getMessage().contains("中心管理员"), demote.getMessage());
    assertTrue(portal.admin.enabled());
    assertTrue(portal.admin.has(Role.CENTER_ADMIN));
    AccountView renamed = portal.users.change(admin, portal.admin.id(),
        new Change("中心管理员（值班）", null, null, null));
    assertEquals("中心管理员（值班）", renamed.displayName());
  }

  @Test
  void changesRoleAndDepartmentAndTheChiefsRoleGoesWithIt() {
    AccountView chiefA = portal.users.get(admin, portal.chiefA.id());
    AccountView clerk = portal.users.change(admin, chiefA.id(), new Change(null, null,
        new Placement(Set.of(Role.WINDOW_CLERK), null, null, null, null, null), null));
    assertEquals(List.of("WINDOW_CLERK"), clerk.roles());
    assertNull(clerk.departmentCode());
    assertNull(clerk.chiefRole());
    assertNull(portal.chiefA.pinHash(), "no PIN left on a clerk");
    AccountView moved = portal.users.change(admin, portal.reviewer.id(), new Change(null, null,
        new Placement(null, "WSJK", null, null, null, null), null));
    assertEquals("WSJK", moved.departmentCode());
    assertEquals(List.of("REVIEWER"), moved.roles());
  }

  @Test
  void aPasswordResetFollowsTheRuleEndsTokensAndIsAuditedWithoutThePassword() {
    AccountView v = reviewer("wang.lei");
    UserAccount stored = portal.accountRepo.find(v.id()).orElseThrow();
    Accounts.IssuedToken token = portal.accounts.issueToken(stored);
    assertThrows(PasswordRule.Weak.class, () -> portal.users.resetPassword(admin, v.id(), "WANG.LEI-2026x"));
    portal.users.resetPassword(admin, v.id(), "Another-2027#");
    assertTrue(portal.accounts.authenticate("wang.lei", "Another-2027#").isPresent());
    assertTrue(portal.accounts.authenticate("wang.lei", PASSWORD).isEmpty());
    assertTrue(portal.accounts.byToken(token.token()).isEmpty());
    AuditEntry reset = entries(AuditAction.ACCOUNT_PASSWORD_RESET).get(0);
    assertEquals("admin", reset.actor());
    assertFalse(reset.detail().contains("Another-2027#"));
  }

  @Test
  void onlyTheCenterAdmin() {
    for (UserAccount u : List.of(portal.supervisor, portal.clerk, portal.applicant)) {
      assertEquals(403, assertThrows(DomainException.class, () -> portal.users.search(actor(u),
          new AccountSearch(null, null, null, null, 0, 10))).status());
      assertEquals(403, assertThrows(DomainException.class, () -> portal.users.resetPassword(actor(u),
          portal.reviewer.id(), "Another-2027#")).status());
    }
  }
}
