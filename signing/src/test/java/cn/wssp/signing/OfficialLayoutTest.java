package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GB/T 9704 (党政机关公文格式) §7.3.5: the seal goes on the page with the text — a seal page
 * without text ("此页无正文") is not allowed. A one-paragraph decision is one page; bodies that
 * would leave the seal alone are first set tighter, then their end is carried over to it.
 */
class OfficialLayoutTest {

  private static final String SENTENCE = "经审查，你单位提交的申请材料齐全、符合法定形式，决定准予行政许可。";

  private static OfficialDocument oneParagraph(int characters) {
    StringBuilder body = new StringBuilder();
    while (body.length() < characters) {
      body.append(SENTENCE);
    }
    return new OfficialDocument(SampleDocuments.TITLE, SampleDocuments.NUMBER, "演示科技有限公司",
        "91310000MA1FL0TEST", List.of(body.substring(0, characters)), "某某市市场监督管理局",
        LocalDate.of(2026, 3, 5), "7K3Q-9XPA", SampleDocuments.URL, 1);
  }

  @Test
  void aOneParagraphDecisionIsOnePageWithTheSeal() throws Exception {
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    byte[] pdf = renderer.render(oneParagraph(220));
    assertEquals(1, pages(pdf));
    assertEquals(1, renderer.sealPlacement(pdf, 0).page());
  }

  @Test
  void theSealNeverStandsOnAPageWithoutText() throws Exception {
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    int onePage = 0;
    int twoPages = 0;
    // From a short paragraph to one that needs a second page, in steps of about a line.
    for (int characters = 200; characters <= 900; characters += 28) {
      OfficialDocument doc = oneParagraph(characters);
      byte[] pdf = renderer.render(doc);
      int pages = pages(pdf);
      SealPlacement seal = renderer.sealPlacement(pdf, 0);
      assertEquals(pages, seal.page(), characters + " characters: the seal is on the last page");
      String body = doc.paragraphs().get(0);
      String sealPage = textOfPage(pdf, pages);
      String tail = body.substring(body.length() - 6);
      assertTrue(sealPage.contains(tail),
          characters + " characters: the seal's page " + pages + " carries the body's end: "
              + sealPage);
      onePage += pages == 1 ? 1 : 0;
      twoPages += pages == 2 ? 1 : 0;
    }
    assertTrue(onePage >= 2, "short paragraphs stay on one page: " + onePage);
    assertTrue(twoPages >= 5, "long ones continue on the seal's page: " + twoPages);
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      return document.getNumberOfPages();
    }
  }

  private static String textOfPage(byte[] pdf, int page) throws Exception {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      return PdfTextExtractor.getTextFromPage(document.getPage(page)).replaceAll("\\s+", "");
    }
  }
}
