package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Step two alone: text per page with OCR confidence, signatures, structural soundness. */
class ExtractionTest {
  private static ContentInspector inspector;

  @BeforeAll
  static void start() {
    inspector = new ContentInspector(PreReviewer.Options.defaults());
  }

  @AfterAll
  static void stop() {
    inspector.close();
  }

  static Inspection inspect(String name, byte[] bytes) {
    return inspector.inspect(file("m", name, bytes), 1 << 24);
  }

  @Test
  void textPerPageOfAPdf() {
    Inspection i = inspect("a.pdf", Samples.chinesePdf(List.of("第一页 营业执照副本 正本同样有效"),
        List.of("第二页 统一社会信用代码 " + Samples.APPLICANT_CODE)));
    assertEquals(2, i.pageTexts().size());
    assertEquals(1, i.pageTexts().get(0).page());
    assertTrue(i.pageTexts().get(0).text().contains("营业执照"), i.pageTexts()::toString);
    assertTrue(i.pageTexts().get(1).text().contains(Samples.APPLICANT_CODE));
    assertNull(i.pageTexts().get(1).ocrConfidence());
    assertEquals(Inspection.OcrStatus.NOT_NEEDED, i.ocr());
    assertFalse(i.signed());
    assertNull(i.damage());
    assertFalse(i.facts().corrupt());
    assertEquals(2, i.facts().pages());
  }

  @Test
  void wordFilesHaveOneUnnumberedPage() {
    Inspection i = inspect("章程.docx", Samples.docx("有限责任公司章程"));
    assertEquals(1, i.pageTexts().size());
    assertEquals(0, i.pageTexts().get(0).page());
    assertTrue(i.pageTexts().get(0).text().contains("有限责任公司章程"));
  }

  @Test
  void signaturesAreSeen() {
    List<String> lines = List.of("申请书", "申请人签章");
    assertTrue(inspect("signed.pdf", Samples.signedPdf(lines)).signed());
    assertFalse(inspect("plain.pdf", Samples.chinesePdf(lines)).signed());
  }

  @Test
  void aPdfCutInHalfIsCorruptAndSaysWhichPagesParse() {
    byte[] whole = Samples.chinesePdf(List.of("第一页"), List.of("第二页"), List.of("第三页"));
    Inspection i = inspect("cut.pdf", Samples.cut(whole, 0.5));
    assertTrue(i.facts().corrupt(), i::toString);
    assertNotNull(i.damage());
    assertTrue(i.damage().contains("startxref"), i.damage());

    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false))) {
      PreReviewResult r = reviewer.review(List.of(Samples.license()),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.cut(whole, 0.5))));
      assertEquals(Set.of(FindingCode.CORRUPT),
          r.findings().stream().map(Finding::code).collect(Collectors.toSet()));
      String message = r.findings().get(0).message();
      assertTrue(message.contains("已损坏或不完整") && message.contains("截断"), message);
      assertEquals(Verdict.INCOMPLETE, r.verdict());
    }
  }

  @Test
  void tailChecks() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("tail", ".pdf");
    try {
      java.nio.file.Files.write(f, Samples.pdf(1));
      assertNull(PdfStructure.tailProblem(f));
      byte[] bad = new String(Samples.pdf(1), java.nio.charset.StandardCharsets.ISO_8859_1)
          .replaceAll("startxref\\s+\\d+", "startxref\n7")
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      java.nio.file.Files.write(f, bad);
      assertTrue(PdfStructure.tailProblem(f).contains("交叉引用表损坏"));
    } finally {
      java.nio.file.Files.delete(f);
    }
    assertEquals("第 1–3、5、7–8 页", PdfStructure.pages(List.of(1, 2, 3, 5, 7, 8)));
  }

  @Test
  void ocrOfAnImageCarriesItsConfidence() {
    assumeTrue(inspector.ocrAvailable(), inspector::ocrStatus);
    List<String> lines = Samples.licenceLines(Samples.APPLICANT_NAME, Samples.APPLICANT_CODE,
        Samples.PERPETUAL);
    assumeTrue(Samples.fontFor(String.join("", lines), 40) != null, "no CJK font");
    Inspection i = inspect("执照.png", Samples.chineseImage(lines));
    assertEquals(Inspection.OcrStatus.DONE, i.ocr());
    assertEquals(1, i.pageTexts().size());
    PageText page = i.pageTexts().get(0);
    assertEquals(1, page.page());
    assertNotNull(page.ocrConfidence());
    assertTrue(page.ocrConfidence() > 50, page::toString);
    assertTrue(page.text().contains("营业执照"), page.text());
    assertTrue(page.text().replace(" ", "").contains(Samples.APPLICANT_CODE), page.text());
  }

  @Test
  void scannedPdfPagesAreOcrdOneByOne() {
    assumeTrue(inspector.ocrAvailable(), inspector::ocrStatus);
    Inspection i = inspect("scan.pdf", Samples.scannedPdf("HEALTH PERMIT 2026"));
    assertEquals(Inspection.OcrStatus.DONE, i.ocr());
    PageText page = i.pageTexts().get(0);
    assertNotNull(page.ocrConfidence());
    assertTrue(page.text().contains("PERMIT"), page.text());
    assertEquals(i.text().length(), i.facts().textLength());
  }
}
