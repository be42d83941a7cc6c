package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both branches: OCR with Tesseract when it is installed, a WARNING when it is not. */
class OcrTest {
  private static final MaterialRequirement SCAN = new MaterialRequirement("permit", "卫生许可证",
      true, false, List.of("application/pdf", "image/png", "image/jpeg"), 10L * 1024 * 1024, 0);

  @Test
  void withoutTesseractScansAndImagesGetAWarningNotASilentPass() {
    try (PreReviewer r = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false)
        .withTesseract(Path.of("/nonexistent/tesseract")))) {
      assertFalse(r.ocrAvailable());
      assertTrue(r.ocrStatus().contains("不可用"), r.ocrStatus());
      for (SubmittedFile f : List.of(
          file("permit", "许可证.pdf", Samples.scannedPdf("HEALTH PERMIT 2026")),
          file("permit", "许可证.png", Samples.png()))) {
        PreReviewResult result = r.review(List.of(SCAN), List.of(f));
        assertEquals(1, result.findings().size(), result.findings()::toString);
        Finding w = result.findings().get(0);
        assertEquals(FindingCode.OCR_UNAVAILABLE, w.code());
        assertEquals(Severity.WARNING, w.severity());
        assertTrue(w.message().startsWith("无法进行文字识别（OCR 不可用）"), w.message());
        assertTrue(w.message().contains("「卫生许可证」"), w.message());
        assertEquals(Verdict.COMPLETE, result.verdict(), "a warning does not block");
      }
    }
  }

  @Test
  void ocrCanBeSwitchedOff() {
    try (PreReviewer r = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false).withOcrEnabled(false))) {
      assertFalse(r.ocrAvailable());
      PreReviewResult result = r.review(List.of(SCAN),
          List.of(file("permit", "许可证.png", Samples.png())));
      assertEquals(FindingCode.OCR_UNAVAILABLE, result.findings().get(0).code());
    }
  }

  @Test
  void pdfWithTextNeedsNoOcr() {
    try (PreReviewer r = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false)
        .withTesseract(Path.of("/nonexistent/tesseract")))) {
      PreReviewResult result = r.review(List.of(SCAN),
          List.of(file("permit", "许可证.pdf", Samples.pdf(2))));
      assertTrue(result.findings().isEmpty(), result.findings()::toString);
    }
  }

  @Test
  void missingLanguageDataMakesOcrUnavailable() {
    try (PreReviewer r = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false)
        .withOcrLanguages("chi_sim+xx_no_such_language"))) {
      assertFalse(r.ocrAvailable());
    }
  }

  @Test
  void withTesseractImagesAndScannedPagesAreRead() {
    try (PreReviewer r = new PreReviewer()) {
      assumeTrue(r.ocrAvailable(), () -> "tesseract not installed here: " + r.ocrStatus());
      try (ContentInspector inspector = new ContentInspector()) {
        Inspection image = inspector.inspect(file("permit", "许可证.png", Samples.png()), 1 << 24);
        assertEquals(Inspection.OcrStatus.DONE, image.ocr());
        assertTrue(image.text().contains("LICENSE"), image.text());

        Inspection scan = inspector.inspect(
            file("permit", "许可证.pdf", Samples.scannedPdf("HEALTH PERMIT 2026")), 1 << 24);
        assertEquals(Inspection.OcrStatus.DONE, scan.ocr());
        assertTrue(scan.text().contains("PERMIT"), scan.text());
        assertEquals(scan.text().length(), scan.facts().textLength());

        String chinese = "卫生许可证";
        if (Samples.fontFor(chinese, 60) != null) {
          Inspection zh = inspector.inspect(file("permit", "许可证.pdf",
              Samples.scannedPdf(chinese)), 1 << 24);
          assertTrue(zh.text().contains(chinese), "no spaces between Chinese characters: " + zh.text());
        }
      }
      PreReviewResult result = r.review(List.of(SCAN),
          List.of(file("permit", "许可证.pdf", Samples.scannedPdf("HEALTH PERMIT 2026"))));
      assertTrue(result.findings().isEmpty(), result.findings()::toString);
      FileFacts facts = result.facts().get("permit");
      assertNotNull(facts);
      assertTrue(facts.textLength() > 5, facts::toString);
    }
  }
}
