package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.PasswordHasher;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.UserAccount;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountsTest {
  final TestPortal portal = new TestPortal();
  final UserAccount owner = portal.accountRepo.add(new UserAccount("owner", "Owner",
      PasswordHasher.hash("Right-2026!".toCharArray()), Set.of(Role.APPLICANT)));

  @Test
  void theRightPasswordOnlyAndTheSameAnswerForUnknownUsers() {
    assertTrue(portal.accounts.authenticate(" owner ", "Right-2026!").isPresent());
    assertTrue(portal.accounts.authenticate("owner", "wrong").isEmpty());
    assertTrue(portal.accounts.authenticate("nobody", "Right-2026!").isEmpty());
    assertTrue(portal.accounts.authenticate("owner", null).isEmpty());
  }

  @Test
  void tokensWorkForEightHoursAndAreStoredOnlyHashed() {
    Accounts.IssuedToken t = portal.accounts.issueToken(owner);
    assertEquals(owner, portal.accounts.byToken(t.token()).orElseThrow());
    assertTrue(portal.accountRepo.userOfToken(t.token(), portal.clock.instant()).isEmpty(),
        "the clear token is not a key of the store");
    portal.clock.advance(Duration.ofHours(8).plusSeconds(1));
    assertTrue(portal.accounts.byToken(t.token()).isEmpty(), "expired");
    assertTrue(portal.accounts.byToken(" ").isEmpty());
  }
}
