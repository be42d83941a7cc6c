package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The type recorded for an upload comes from the bytes, whatever the name says. */
class DetectTypeTest {
  static PreReviewer reviewer;

  @BeforeAll
  static void create() {
    reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false).withOcrEnabled(false));
  }

  @AfterAll
  static void close() {
    reviewer.close();
  }

  @Test
  void contentDecides() throws Exception {
    assertEquals("image/png", reviewer.detectType(Samples.png(), "营业执照.pdf"));
    assertEquals("application/pdf", reviewer.detectType(Samples.pdf(1), "scan.jpg"));
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        reviewer.detectType(Samples.docx("申请书"), "申请书.docx"));
  }

  /** Where the bytes leave the type open (plain text), the name narrows it (CSV is text). */
  @Test
  void theNameNarrowsWhatTheBytesLeaveOpen() throws Exception {
    byte[] table = "企业名称,统一社会信用代码\n某某公司,91110000000000000X\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("text/csv", reviewer.detectType(table, "股东名册.csv"));
    assertEquals("text/plain", reviewer.detectType(table, "股东名册.pdf"));
  }

  /**
   * Uploads stream to the store and only their head is detected: a docx cut short (no central
   * directory at the end) is still a docx.
   */
  @Test
  void theHeadIsEnough() throws Exception {
    byte[] docx = Samples.docx("申请书");
    byte[] head = Arrays.copyOf(docx, docx.length - 200);
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        reviewer.detectType(head, "申请书.docx"));
  }
}
