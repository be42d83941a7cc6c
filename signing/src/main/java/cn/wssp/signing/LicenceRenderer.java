package cn.wssp.signing;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.layout.LayoutArea;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.pdfa.PdfADocument;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Lays out a 电子证照 as an A4 PDF/A-2B certificate: a double border round the page, the
 * licence's name as title, its fields (证照编号, 持证主体, 统一社会信用代码, 许可事项, 许可内容,
 * 有效期限, 依据) in two columns, 发证机关 and 发证日期 at the bottom right under the seals, and the
 * QR code of the verification page with the code beside it at the bottom left.
 *
 * <p>Seal places, QR block and document information are {@link OfficialPage}'s, the same as on a
 * decision: {@link #sealPlacement(byte[], int)} answers like
 * {@link OfficialDocumentRenderer#sealPlacement(byte[], int)}, so a licence is sealed exactly as a
 * decision is. Thread-safe and stateless.
 */
public final class LicenceRenderer {

  private static final float MM = OfficialPage.MM;
  /** The border runs inside the page's margins, well clear of the seals and the QR code. */
  private static final float BORDER_INSET = 12 * MM;
  private static final float TEXT_SIZE = 14f;
  private static final float TITLE_SIZE = 30f;

  /** Seal place {@code slot} (0-based) of a licence: see {@link OfficialPage#sealPlacement}. */
  public SealPlacement sealPlacement(byte[] pdf, int slot) throws SigningException {
    return OfficialPage.sealPlacement(pdf, slot);
  }

  /** All seal places a licence reserved, slot 0 first. */
  public List<SealPlacement> sealPlacements(byte[] pdf) throws SigningException {
    return OfficialPage.sealPlacements(pdf);
  }

  /**
   * Renders the licence.
   *
   * @throws SigningException if required content is missing or the PDF cannot be produced
   */
  public byte[] render(LicenceDocument licence) throws SigningException {
    validate(licence);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EmbeddedFont.Lease fonts = EmbeddedFont.lease()) {
      PdfWriter writer = new PdfWriter(out, new WriterProperties().addXmpMetadata());
      PdfADocument pdf = new PdfADocument(writer, PdfAConformance.PDF_A_2B,
          OfficialPage.srgbOutputIntent());
      OfficialPage.describe(pdf, licence.title(), licence.licenceNumber(), licence.issuer(),
          licence.sealSlots());
      PdfFont font = fonts.forPdf();
      try (Document layout = new Document(pdf, OfficialPage.PAGE, false)) {
        layout.setMargins(OfficialPage.MARGIN_TOP - 5 * MM, OfficialPage.MARGIN_RIGHT,
            OfficialPage.MARGIN_BOTTOM, OfficialPage.MARGIN_LEFT);
        layout.setFont(font).setFontSize(TEXT_SIZE);
        layout.setProperty(Property.SPLIT_CHARACTERS, new ChineseLineBreaking());
        layout.add(new Paragraph(licence.title()).setFontSize(TITLE_SIZE)
            .setTextAlignment(TextAlignment.CENTER).setCharacterSpacing(4).setMarginBottom(18));
        layout.add(fields(licence));
        keepClearOfFooter(layout, OfficialPage.sealRowsTop(licence.sealSlots()) + 4 * MM);
        int lastPage = pdf.getNumberOfPages();
        writeIssuerBlock(layout, font, licence, lastPage);
        OfficialPage.writeVerificationBlock(layout, pdf, licence.verificationUrl(),
            licence.verificationCode(), "证照", TEXT_SIZE, lastPage);
        for (int page = 1; page <= lastPage; page++) {
          drawBorder(new PdfCanvas(pdf.getPage(page)));
        }
      }
      return out.toByteArray();
    } catch (RuntimeException e) {
      // iText reports layout, font and PDF/A violations as unchecked exceptions.
      throw new SigningException(
          "cannot render licence " + licence.licenceNumber() + ": " + e.getMessage(), e);
    }
  }

  private static Table fields(LicenceDocument licence) {
    Table table = new Table(UnitValue.createPercentArray(new float[] {32, 68}))
        .useAllAvailableWidth();
    row(table, "证照编号", licence.licenceNumber());
    row(table, "持证主体", licence.holder());
    if (licence.holderCode() != null && !licence.holderCode().isBlank()) {
      row(table, "统一社会信用代码", licence.holderCode().strip());
    }
    row(table, "许可事项", licence.matterName());
    row(table, "许可内容", licence.scope());
    row(table, "有效期限", OfficialPage.chineseDate(licence.validFrom()) + "至"
        + OfficialPage.chineseDate(licence.validUntil()));
    row(table, "依据", "《准予行政许可决定书》" + licence.basis());
    return table;
  }

  private static void row(Table table, String label, String value) {
    table.addCell(new Cell().setBorder(Border.NO_BORDER).setPaddingBottom(8)
        .add(new Paragraph(label + "：").setMargin(0).setTextAlignment(TextAlignment.RIGHT)));
    table.addCell(new Cell().setBorder(Border.NO_BORDER).setPaddingBottom(8)
        .add(new Paragraph(value.strip()).setMargin(0).setMultipliedLeading(1.4f)));
  }

  /** Moves the issuer block to a new page if the fields reach into it. */
  private static void keepClearOfFooter(Document layout, float footerTop) {
    LayoutArea area = layout.getRenderer().getCurrentArea();
    if (area == null || area.getBBox().getTop() < footerTop) {
      layout.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
    }
  }

  /** 发证机关 and 发证日期 under seal place 0, where the stamp covers them as on paper. */
  private static void writeIssuerBlock(Document layout, PdfFont font, LicenceDocument licence,
      int page) {
    Rectangle seal = OfficialPage.sealRect(0);
    float baseline = seal.getBottom() + seal.getHeight() * 0.40f;
    placeRight(layout, font, "发证机关：" + licence.issuer(), seal, baseline, page);
    placeRight(layout, font, "发证日期：" + OfficialPage.chineseDate(licence.issueDate()), seal,
        baseline - 1.6f * TEXT_SIZE, page);
  }

  private static void placeRight(Document layout, PdfFont font, String text, Rectangle seal,
      float y, int page) {
    float width = font.getWidth(text, TEXT_SIZE) + 4;
    float rightLimit = OfficialPage.PAGE.getWidth() - OfficialPage.MARGIN_RIGHT;
    float x = Math.max(OfficialPage.MARGIN_LEFT,
        Math.min(seal.getX() + seal.getWidth() / 2 - width / 2, rightLimit - width));
    layout.add(new Paragraph(text).setFontSize(TEXT_SIZE).setMargin(0)
        .setTextAlignment(TextAlignment.CENTER)
        .setFixedPosition(page, x, y, Math.min(width, rightLimit - x)));
  }

  /** A thick outer and a thin inner frame, as printed certificates have. */
  private static void drawBorder(PdfCanvas canvas) {
    Rectangle page = OfficialPage.PAGE;
    canvas.saveState().setStrokeColor(ColorConstants.DARK_GRAY)
        .setLineWidth(2.5f)
        .rectangle(BORDER_INSET, BORDER_INSET, page.getWidth() - 2 * BORDER_INSET,
            page.getHeight() - 2 * BORDER_INSET)
        .stroke()
        .setLineWidth(0.8f)
        .rectangle(BORDER_INSET + 2 * MM, BORDER_INSET + 2 * MM,
            page.getWidth() - 2 * (BORDER_INSET + 2 * MM),
            page.getHeight() - 2 * (BORDER_INSET + 2 * MM))
        .stroke()
        .restoreState();
  }

  private static void validate(LicenceDocument licence) throws SigningException {
    if (licence == null) {
      throw new SigningException("no licence to render");
    }
    requireText(licence.title(), "title (licence name)");
    requireText(licence.licenceNumber(), "licence number");
    requireText(licence.holder(), "holder");
    requireText(licence.matterName(), "matter name");
    requireText(licence.scope(), "scope");
    requireText(licence.issuer(), "issuer");
    requireText(licence.basis(), "basis (decision number)");
    if (licence.validFrom() == null || licence.validUntil() == null
        || licence.validUntil().isBefore(licence.validFrom())) {
      throw new SigningException("the licence needs a validity period that ends after it starts");
    }
    if (licence.issueDate() == null) {
      throw new SigningException("the licence has no issue date");
    }
    OfficialPage.requireSealSlots(licence.sealSlots());
  }

  private static void requireText(String value, String what) throws SigningException {
    if (value == null || value.isBlank()) {
      throw new SigningException("the licence has no " + what);
    }
  }
}
