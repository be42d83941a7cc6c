package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.PasswordRule;
import cn.wssp.portal.domain.model.PasswordRule.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordRuleTest {
  @Test
  void lettersDigitsAndASymbolFromTenTo128Characters() {
    assertEquals(Optional.empty(), PasswordRule.check("wang", "Spring-2026!"));
    assertEquals(Optional.empty(), PasswordRule.check("wang", "abcdefgh1!"), "exactly ten");
    assertEquals(Optional.empty(), PasswordRule.check("wang", "密码测试abc123#"), "Chinese letters count");
    assertEquals(Optional.of(Violation.TOO_SHORT), PasswordRule.check("wang", "abcdefg1!"));
    assertEquals(Optional.of(Violation.TOO_LONG),
        PasswordRule.check("wang", "a1!" + "x".repeat(126)));
    assertEquals(Optional.empty(), PasswordRule.check("wang", "a1!" + "x".repeat(125)), "128");
    assertEquals(Optional.of(Violation.NO_LETTER), PasswordRule.check("wang", "1234567890!"));
    assertEquals(Optional.of(Violation.NO_DIGIT), PasswordRule.check("wang", "abcdefghij!"));
    assertEquals(Optional.of(Violation.NO_SYMBOL), PasswordRule.check("wang", "abcdefghij1"));
    assertEquals(Optional.of(Violation.NO_SYMBOL), PasswordRule.check("wang", "abcde fghij1"),
        "a space is not the symbol");
    assertEquals(Optional.of(Violation.MISSING), PasswordRule.check("wang", ""));
    assertEquals(Optional.of(Violation.MISSING), PasswordRule.check("wang", null));
  }

  @Test
  void notTheUsernameInAnyCase() {
    assertEquals(Optional.of(Violation.CONTAINS_USERNAME),
        PasswordRule.check("zhangwei", "xx-ZhangWei-2026"));
    assertEquals(Optional.of(Violation.CONTAINS_USERNAME),
        PasswordRule.check(" Li.Qiang ", "li.qiang#2026ab"));
    assertEquals(Optional.empty(), PasswordRule.check("zhangwei", "zhang-wei-2026"));
  }

  @Test
  void aRefusalIsA400NamingTheFieldInChinese() {
    PasswordRule.Weak weak = assertThrows(PasswordRule.Weak.class,
        () -> PasswordRule.require("wang", "short1!"));
    assertEquals(400, weak.status());
    assertEquals("INVALID_INPUT", weak.code());
    assertEquals(Violation.TOO_SHORT, weak.violation());
    assertTrue(weak.getMessage().contains("password"), weak.getMessage());
    assertTrue(weak.getMessage().contains("至少需要 10 个字符"), weak.getMessage());
    assertDoesNotThrow(() -> PasswordRule.require("wang", "Spring-2026!"));
  }
}
