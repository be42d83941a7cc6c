package cn.wssp.portal.domain;
import cn.wssp.portal.domain.model.PasswordHasher;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = PasswordHasher.hash("Demo-2026!".toCharArray());
    assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"));
    assertTrue(PasswordHasher.verify("Demo-2026!".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("demo-2026!".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("Demo-2026!".toCharArray(), "garbage"));
    assertNotEquals(hash, PasswordHasher.hash("Demo-2026!".toCharArray()), "salted");
  }
}
