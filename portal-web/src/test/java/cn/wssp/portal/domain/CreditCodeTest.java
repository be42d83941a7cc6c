package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.CreditCode;
import org.junit.jupiter.api.Test;

class CreditCodeTest {
  @Test
  void acceptsPublishedCodes() {
    // Real, published codes of well-known enterprises.
    assertTrue(CreditCode.isValid("91110000100000489L"), "中国石油化工股份有限公司 style sample");
    assertTrue(CreditCode.isValid("91440300708461136T"), "平安银行");
  }

  @Test
  void rejectsWrongCheckCharacterLengthAndAlphabet() {
    assertFalse(CreditCode.isValid("91440300708461136U"));
    assertFalse(CreditCode.isValid("9144030070846113"));
    assertFalse(CreditCode.isValid("91440300708461136I")); // I is not in the alphabet
    assertFalse(CreditCode.isValid(null));
  }

  @Test
  void completeAppendsTheCheckCharacter() {
    String code = CreditCode.complete("91350100M0001XU43");
    assertEquals(18, code.length());
    assertTrue(CreditCode.isValid(code));
  }
}
