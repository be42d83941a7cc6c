package cn.wssp.portal.interfaces.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the application's page says instead of codes, and what its upload controls accept. */
class DeskWordingTest {
  @Test
  void auditDetailsSayTheVerdictInWords() {
    assertEquals("仅容缺材料未齐，可签署承诺书容缺受理，发现 2 项",
        ApplicationBean.inWords("COMPLETE_WITH_COMMITMENT，发现 2 项"));
    assertEquals("材料不齐全或不符合要求，发现 3 项", ApplicationBean.inWords("INCOMPLETE，发现 3 项"));
    assertEquals("材料齐全，发现 0 项", ApplicationBean.inWords("COMPLETE，发现 0 项"));
    assertEquals("文书 SL2026000001", ApplicationBean.inWords("文书 SL2026000001"));
    assertNull(ApplicationBean.inWords(null));
  }

  @Test
  void uploadsAcceptTheMattersTypesByName() {
    Formats fmt = new Formats();
    String pdfOrPicture = fmt.allowTypes(List.of("application/pdf", "image/jpeg", "image/png"));
    assertEquals("/(\\.|\\/)(pdf|jpe?g|png)$/i", pdfOrPicture);
    // upload.js gets the bare pattern (new RegExp(pattern, 'i')); allowTypes wraps the same one.
    assertEquals("(\\.|\\/)(pdf|jpe?g|png)$",
        fmt.allowPattern(List.of("application/pdf", "image/jpeg", "image/png")));
    Pattern p = Pattern.compile("(\\.|\\/)(pdf|jpe?g|png)$", Pattern.CASE_INSENSITIVE);
    assertTrue(p.matcher("身份证.JPG").find());
    assertFalse(p.matcher("申请书.docx").find());
    assertNull(fmt.allowTypes(List.of("application/pdf", "application/x-unknown")),
        "an unknown type: the pre-review judges, not the picker");
    assertNull(fmt.allowPattern(List.of("application/x-unknown")));
    assertEquals("application/pdf,image/png", fmt.accept(List.of("application/pdf", "image/png")));
  }
}
