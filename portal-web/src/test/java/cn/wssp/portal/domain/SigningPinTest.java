package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.ChiefRole;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.UserAccount;
import cn.wssp.portal.domain.model.UserAccount.PinCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class SigningPinTest {
  /** The stored "hash" is the PIN itself here: the rule under test is the counting. */
  static final BiPredicate<char[], String> SAME = (pin, stored) -> Arrays.equals(pin, stored.toCharArray());
  final Instant now = Instant.parse("2026-11-24T02:00:00Z");

  UserAccount chief() {
    return new UserAccount("chief-b", "李强", "x", Set.of(Role.CHIEF_REP)).asChief(ChiefRole.B, "123456");
  }

  @Test
  void rightPinIsAcceptedAndResetsTheCount() {
    UserAccount c = chief();
    assertEquals(PinCheck.WRONG, c.checkPin("000000".toCharArray(), SAME, now));
    assertEquals(4, c.pinAttemptsLeft());
    assertEquals(PinCheck.ACCEPTED, c.checkPin("123456".toCharArray(), SAME, now));
    assertEquals(5, c.pinAttemptsLeft());
  }

  @Test
  void fiveWrongPinsLockTheSealForFifteenMinutesEvenAgainstTheRightPin() {
    UserAccount c = chief();
    for (int i = 0; i < 4; i++) {
      assertEquals(PinCheck.WRONG, c.checkPin("000000".toCharArray(), SAME, now));
    }
    assertEquals(PinCheck.LOCKED, c.checkPin("000000".toCharArray(), SAME, now));
    assertEquals(PinCheck.LOCKED, c.checkPin("123456".toCharArray(), SAME, now.plus(Duration.ofMinutes(14))));
    assertEquals(PinCheck.ACCEPTED, c.checkPin("123456".toCharArray(), SAME, now.plus(Duration.ofMinutes(15))));
  }

  @Test
  void noPinIsAWrongPin() {
    assertEquals(PinCheck.WRONG, chief().checkPin(null, SAME, now));
  }
}
