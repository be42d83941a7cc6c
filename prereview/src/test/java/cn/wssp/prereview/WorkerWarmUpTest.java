package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up document exercises what real Chinese PDFs need: the STSong-Light CMap. */
class WorkerWarmUpTest {
  @Test
  void theWarmUpPdfYieldsChineseAndLatinText() throws Exception {
    try (ContentInspector inspector = new ContentInspector(PreReviewer.Options.defaults()
        .withIsolation(false).withOcrEnabled(false))) {
      Inspection i = inspector.inspect(Samples.file("m", "warm-up.pdf", WorkerWarmUp.pdf()),
          1 << 20);
      assertNull(i.hostile());
      assertEquals(Inspection.OcrStatus.NOT_NEEDED, i.ocr());
      assertEquals(2, i.facts().pages());
      assertTrue(i.text().contains("营业执照"), i.text());
      assertTrue(i.text().contains("91330106MA2B1C2D3C"), i.text());
    }
  }
}
