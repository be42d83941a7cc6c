package cn.wssp.portal.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The signing dialog restates the decision text: short texts whole, long ones cut with "…". */
class PagesExcerptTest {
  @Test
  void shortTextsStayWholeLongOnesAreCut() {
    assertEquals("", Pages.excerpt(null, 120));
    assertEquals("准予许可。", Pages.excerpt("  准予许可。\n", 120));
    String longText = "许".repeat(130);
    assertEquals("许".repeat(120) + "…", Pages.excerpt(longText, 120));
  }
}
