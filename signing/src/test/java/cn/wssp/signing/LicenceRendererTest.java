package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceRendererTest {

  private final LicenceRenderer renderer = new LicenceRenderer();

  static LicenceDocument licence(int sealSlots, String scope) {
    return new LicenceDocument("食品经营许可证", "某市监证字〔2026〕第000007号", "演示科技有限公司",
        "91310000MA1FL0TEST", "食品经营许可（新办）", scope,
        LocalDate.of(2026, 3, 5), LocalDate.of(2031, 3, 4),
        "某某市市场监督管理局", LocalDate.of(2026, 3, 5), SampleDocuments.NUMBER, "7K3Q-9XPA",
        SampleDocuments.URL, sealSlots);
  }

  private static String text(byte[] pdf) throws Exception {
    StringBuilder all = new StringBuilder();
    try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        all.append(PdfTextExtractor.getTextFromPage(doc.getPage(i)));
      }
    }
    return all.toString().replaceAll("\\s+", "");
  }

  @Test
  void showsEveryFieldOfTheLicence() throws Exception {
    byte[] pdf = renderer.render(licence(1, "预包装食品销售（含冷藏冷冻食品）、热食类食品制售。"));
    String text = text(pdf);
    for (String expected : List.of("食品经营许可证", "证照编号：", "某市监证字〔2026〕第000007号",
        "持证主体：", "演示科技有限公司", "统一社会信用代码：", "91310000MA1FL0TEST",
        "许可事项：", "食品经营许可（新办）", "许可内容：", "热食类食品制售",
        "有效期限：", "2026年3月5日至2031年3月4日", "发证机关：某某市市场监督管理局",
        "发证日期：2026年3月5日", "依据：", SampleDocuments.NUMBER, "验证码：7K3Q-9XPA")) {
      assertTrue(text.contains(expected), expected + " missing from: " + text);
    }
    try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      assertEquals("某市监证字〔2026〕第000007号",
          doc.getDocumentInfo().getMoreInfo(OfficialDocumentRenderer.DOCUMENT_NUMBER_KEY));
      assertEquals("2", doc.getConformance().getAConformance().getPart());
    }
  }

  @Test
  void reservesOneSealPlacePerDepartmentInsideThePage() throws Exception {
    byte[] pdf = renderer.render(licence(2, "餐饮服务。"));
    List<SealPlacement> places = renderer.sealPlacements(pdf);
    assertEquals(2, places.size());
    Rectangle page = OfficialPage.PAGE;
    for (SealPlacement p : places) {
      assertEquals(1, p.page());
      assertTrue(p.x() > 0 && p.y() > 0 && p.right() < page.getWidth() && p.top() < page.getHeight(),
          "seal place outside the page: " + p);
    }
    // The same places as a decision's, so the issuer seals both the same way.
    assertEquals(new OfficialDocumentRenderer().sealPlacement(
        new OfficialDocumentRenderer().render(SampleDocuments.decision(2)), 1),
        renderer.sealPlacement(pdf, 1));
    assertThrows(SigningException.class, () -> renderer.sealPlacement(pdf, 2));
  }

  @Test
  void aLongScopeMovesTheIssuerToTheLastPageWhereTheSealsAre() throws Exception {
    byte[] pdf = renderer.render(licence(1, "热食类食品制售、冷食类食品制售。".repeat(120)));
    try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      int pages = doc.getNumberOfPages();
      assertTrue(pages > 1);
      assertEquals(pages, renderer.sealPlacement(pdf, 0).page());
      String last = PdfTextExtractor.getTextFromPage(doc.getPage(pages)).replaceAll("\\s+", "");
      assertTrue(last.contains("发证机关："), last);
    }
  }

  @Test
  void refusesALicenceWithoutValidity() {
    LicenceDocument l = licence(1, "餐饮服务。");
    LicenceDocument noValidity = new LicenceDocument(l.title(), l.licenceNumber(), l.holder(),
        l.holderCode(), l.matterName(), l.scope(), l.validFrom(), null, l.issuer(),
        l.issueDate(), l.basis(), l.verificationCode(), l.verificationUrl(), 1);
    assertThrows(SigningException.class, () -> renderer.render(noValidity));
  }
}
