package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.filter.TextRegionEventFilter;
import com.itextpdf.kernel.pdf.canvas.parser.listener.FilteredTextEventListener;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The portal's verification codes are 12 characters, and its QR link carries number and code:
 * the block under the QR code keeps the code on one line and stays below the seal places.
 */
class VerificationBlockTest {
  static final String CODE = "7K3Q9XPAM4RT";
  static final String URL =
      "https://wssp.example.gov.cn/verify.xhtml?number=ZY2026000001&code=" + CODE;

  @Test
  void twelveCharacterCodeAndItsLinkFitBelowTheSeals() throws Exception {
    OfficialDocument base = SampleDocuments.decision(3);
    OfficialDocument doc = new OfficialDocument(base.title(), base.documentNumber(), base.addressee(),
        base.addresseeCode(), base.paragraphs(), base.issuer(), LocalDate.of(2026, 3, 5),
        CODE, URL, 3);
    byte[] pdf = new OfficialDocumentRenderer().render(doc);
    try (PdfDocument d = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      int last = d.getNumberOfPages();
      float sealBottom = OfficialDocumentRenderer.sealRect(0).getBottom();
      for (int i = 1; i < 3; i++) {
        sealBottom = Math.min(sealBottom, OfficialDocumentRenderer.sealRect(i).getBottom());
      }
      String below = PdfTextExtractor.getTextFromPage(d.getPage(last), new FilteredTextEventListener(
          new LocationTextExtractionStrategy(),
          new TextRegionEventFilter(new Rectangle(0, 0, 595, sealBottom))));
      assertTrue(below.lines().anyMatch(l -> l.strip().equals("验证码：" + CODE)),
          "the code on a line of its own: " + below);
      assertTrue(below.replaceAll("\\s+", "").contains(URL), "the whole link below the seals: " + below);
    }
  }
}
