package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialDocumentRendererTest {

  @TempDir static Path dir;
  private static Path decisionPdf;
  private static byte[] decision;

  @BeforeAll
  static void render() throws Exception {
    decision = new OfficialDocumentRenderer().render(SampleDocuments.decision(1));
    decisionPdf = dir.resolve("decision.pdf");
    Files.write(decisionPdf, decision);
  }

  @Test
  void chineseTextIsExtractable() throws Exception {
    ExternalTools.require("pdftotext", "poppler-utils");
    ExternalTools.Output text = ExternalTools.run("pdftotext", "-enc", "UTF-8", decisionPdf.toString(), "-");
    assertEquals(0, text.exitCode(), text.text());
    // Lines wrap anywhere in Chinese text: compare without whitespace.
    String content = text.text().replaceAll("\\s+", "");
    assertTrue(content.contains(SampleDocuments.TITLE), content);
    assertTrue(content.contains(SampleDocuments.NUMBER), content);
    assertTrue(content.contains("演示科技有限公司"), content);
    assertTrue(content.contains("统一社会信用代码：91310000MA1FL0TEST"), content);
    assertTrue(content.contains("本机关已依法受理"), content);
    assertTrue(content.contains("某某市市场监督管理局"), content);
    assertTrue(content.contains("2026年3月5日"), content);
    assertTrue(content.contains("验证码：7K3Q-9XPA"), content);
  }

  @Test
  void everyFontIsEmbeddedAsASubset() throws Exception {
    ExternalTools.require("pdffonts", "poppler-utils");
    ExternalTools.Output fonts = ExternalTools.run("pdffonts", decisionPdf.toString());
    assertEquals(0, fonts.exitCode(), fonts.text());
    List<String> rows =
        fonts.text().lines().skip(2).filter(line -> !line.isBlank()).toList();
    assertFalse(rows.isEmpty(), fonts.text());
    for (String row : rows) {
      // name type encoding emb sub uni object-id: "emb sub uni" must all be "yes".
      String[] columns = row.trim().split("\\s+");
      int n = columns.length;
      assertEquals("yes", columns[n - 5], "embedded: " + row);
      assertEquals("yes", columns[n - 4], "subset: " + row);
      assertEquals("yes", columns[n - 3], "ToUnicode: " + row);
      assertTrue(row.contains("NotoSerifSC"), row);
      assertTrue(row.contains("Identity-H"), row);
    }
    // A subset, not the 14 MB font.
    assertTrue(decision.length < 400_000, "size " + decision.length);
  }

  @Test
  void isPdfA2bWithTheDocumentNumberInItsMetadata() throws Exception {
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(decision)))) {
      assertEquals(SampleDocuments.NUMBER,
          pdf.getDocumentInfo().getMoreInfo(OfficialDocumentRenderer.DOCUMENT_NUMBER_KEY));
      assertEquals("1", pdf.getDocumentInfo().getMoreInfo(OfficialDocumentRenderer.SEAL_SLOTS_KEY));
      assertEquals("2", pdf.getConformance().getAConformance().getPart());
      assertEquals("B", pdf.getConformance().getAConformance().getLevel());
      String xmp = new String(pdf.getXmpMetadataBytes(), StandardCharsets.UTF_8);
      assertTrue(xmp.contains(SampleDocuments.NUMBER), "number in XMP (title/keywords)");
      assertEquals(1, pdf.getNumberOfPages());
      Rectangle page = pdf.getPage(1).getPageSize();
      assertEquals(595, page.getWidth(), 1);
      assertEquals(842, page.getHeight(), 1);
    }
    assertEquals(SampleDocuments.NUMBER, new PdfVerifier(List.of()).verify(decision).documentNumber());
  }

  @Test
  void qrCodeLeadsToTheVerificationPage() throws Exception {
    ExternalTools.require("pdftoppm", "poppler-utils");
    ExternalTools.require("zbarimg", "zbar-tools");
    ExternalTools.Output raster =
        ExternalTools.run("pdftoppm", "-r", "150", "-png", "-singlefile", decisionPdf.toString(),
            dir.resolve("page").toString());
    assertEquals(0, raster.exitCode(), raster.text());
    ExternalTools.Output qr =
        ExternalTools.run("zbarimg", "--quiet", "--raw", dir.resolve("page.png").toString());
    assertEquals(0, qr.exitCode(), qr.text());
    // zbarimg may add D-Bus noise on stderr; the decoded text is a line of its own.
    assertTrue(qr.text().lines().anyMatch(SampleDocuments.URL::equals), qr.text());
  }

  @Test
  void longBodiesLeaveTheSealAreaClear() throws Exception {
    byte[] longDecision = new OfficialDocumentRenderer().render(SampleDocuments.decision(3, 14));
    Path file = dir.resolve("long.pdf");
    Files.write(file, longDecision);
    int pages;
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(longDecision)))) {
      pages = pdf.getNumberOfPages();
    }
    assertTrue(pages >= 2, "long body spans pages");
    ExternalTools.require("pdftotext", "poppler-utils");
    // Text in the band of the three seal places on the last page, up to the page's right edge:
    // only the issuer and date may be there.
    Rectangle first = OfficialDocumentRenderer.sealRect(0);
    Rectangle third = OfficialDocumentRenderer.sealRect(2);
    float x = third.getLeft();
    float yTop = 842 - first.getTop();
    ExternalTools.Output text =
        ExternalTools.run("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(pages), "-l",
            String.valueOf(pages), "-x", String.valueOf((int) x), "-y", String.valueOf((int) yTop),
            "-W", String.valueOf((int) (595 - x)), "-H",
            String.valueOf((int) first.getHeight()), file.toString(), "-");
    String inSealArea = text.text().replaceAll("\\s+", "");
    assertEquals("某某市市场监督管理局2026年3月5日", inSealArea);
  }

  @Test
  void sealPlacesDoNotOverlapAndStayOnThePage() {
    for (int i = 0; i < OfficialDocumentRenderer.MAX_SEAL_SLOTS; i++) {
      Rectangle a = OfficialDocumentRenderer.sealRect(i);
      assertEquals(42 * 72 / 25.4, a.getWidth(), 0.1);
      assertTrue(a.getLeft() > 0 && a.getRight() < 595 && a.getBottom() > 0 && a.getTop() < 842);
      for (int j = i + 1; j < OfficialDocumentRenderer.MAX_SEAL_SLOTS; j++) {
        Rectangle b = OfficialDocumentRenderer.sealRect(j);
        assertFalse(a.overlaps(b), i + " overlaps " + j);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> OfficialDocumentRenderer.sealRect(6));
  }

  @Test
  void tellsWhereItsReservedSealPlacesAre() throws Exception {
    byte[] longJoint = new OfficialDocumentRenderer().render(SampleDocuments.decision(3, 14));
    int pages;
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(longJoint)))) {
      pages = pdf.getNumberOfPages();
    }
    List<SealPlacement> placements = new OfficialDocumentRenderer().sealPlacements(longJoint);
    assertEquals(3, placements.size());
    for (int slot = 0; slot < 3; slot++) {
      SealPlacement placement = placements.get(slot);
      Rectangle rect = OfficialDocumentRenderer.sealRect(slot);
      assertEquals(pages, placement.page(), "seals go on the last page");
      assertEquals(rect.getX(), placement.x(), 0.01);
      assertEquals(rect.getY(), placement.y(), 0.01);
      assertEquals(rect.getWidth(), placement.width(), 0.01);
      assertEquals(rect.getHeight(), placement.height(), 0.01);
      assertEquals(placement, new OfficialDocumentRenderer().sealPlacement(longJoint, slot));
    }
    assertThrows(SigningException.class,
        () -> new OfficialDocumentRenderer().sealPlacement(longJoint, 3));
    byte[] notice = new OfficialDocumentRenderer().render(SampleDocuments.decision(0));
    assertEquals(List.of(), new OfficialDocumentRenderer().sealPlacements(notice));
    assertThrows(SigningException.class,
        () -> new OfficialDocumentRenderer().sealPlacements("no pdf".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void rejectsIncompleteDocuments() {
    OfficialDocument good = SampleDocuments.decision(1);
    OfficialDocument noTitle =
        new OfficialDocument(null, good.documentNumber(), good.addressee(), good.addresseeCode(),
            good.paragraphs(), good.issuer(), good.issueDate(), good.verificationCode(),
            good.verificationUrl(), 1);
    OfficialDocument tooManySeals =
        new OfficialDocument(good.title(), good.documentNumber(), good.addressee(),
            good.addresseeCode(), good.paragraphs(), good.issuer(), good.issueDate(),
            good.verificationCode(), good.verificationUrl(), 7);
    assertThrows(SigningException.class, () -> new OfficialDocumentRenderer().render(noTitle));
    assertThrows(SigningException.class, () -> new OfficialDocumentRenderer().render(tooManySeals));
  }
}
