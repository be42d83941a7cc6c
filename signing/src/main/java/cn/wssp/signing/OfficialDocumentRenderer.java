package cn.wssp.signing;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.layout.LayoutArea;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.pdfa.PdfADocument;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Lays out a notice or decision as an A4 PDF/A-2B document (PDF/A-3B when it carries attached
 * files, {@link #render(OfficialDocument, List)}): centred title, document number,
 * addressee with credit code, the body, issuer and date at the bottom right of the last page, and
 * a QR code of the verification page with the verification code beside it.
 *
 * <p>The issuer block sits at a fixed place on the last page, and so do the seal places reserved
 * around it ({@link #sealRect(int)}). The body never runs into that area: if it would, the block
 * moves to a new page. Callers get those places with {@link #sealPlacements(byte[])} and pass
 * one to {@link PadesSigner} in the {@link SignatureRequest}; the signer itself knows nothing of
 * this layout.
 *
 * <p>All text uses the embedded Noto Serif SC subset (PDF/A forbids non-embedded fonts), and the
 * document number is recorded in the document information dictionary under
 * {@value #DOCUMENT_NUMBER_KEY}, where {@link PdfVerifier} reads it back. Thread-safe and
 * stateless.
 */
public final class OfficialDocumentRenderer {

  /** Document information key holding the document number. */
  public static final String DOCUMENT_NUMBER_KEY = OfficialPage.DOCUMENT_NUMBER_KEY;
  /** Document information key holding how many seal places were reserved. */
  public static final String SEAL_SLOTS_KEY = OfficialPage.SEAL_SLOTS_KEY;
  /** At most two rows of three seals fit above the QR code. */
  public static final int MAX_SEAL_SLOTS = OfficialPage.MAX_SEAL_SLOTS;

  private static final float MM = OfficialPage.MM;
  private static final PageSize PAGE = OfficialPage.PAGE;
  private static final float MARGIN_TOP = OfficialPage.MARGIN_TOP;
  private static final float MARGIN_LEFT = OfficialPage.MARGIN_LEFT;
  private static final float MARGIN_RIGHT = OfficialPage.MARGIN_RIGHT;
  private static final float MARGIN_BOTTOM = OfficialPage.MARGIN_BOTTOM;
  /** A standard round official seal is 42 mm across. */
  public static final float SEAL_SIZE = OfficialPage.SEAL_SIZE;
  private static final float TEXT_SIZE = 15.5f;
  private static final float TITLE_SIZE = 22f;

  /**
   * Where seal {@code slot} goes on the last page, in PDF user space (points, origin bottom left).
   * Slot 0 is the customary place of a single seal, over the issuer and date at the right; further
   * slots of a joint decision go to its left, three per row, then a row higher up.
   *
   * @throws IllegalArgumentException if slot is outside 0..{@value #MAX_SEAL_SLOTS}-1
   */
  public static Rectangle sealRect(int slot) {
    return OfficialPage.sealRect(slot);
  }

  /**
   * The seal places reserved in {@code pdf}, a document this renderer made (possibly already
   * carrying signatures), in slot order: slot 0 first. They lie on the last page, where the
   * issuer block is; how many there are was recorded at rendering ({@value #SEAL_SLOTS_KEY}).
   *
   * @throws SigningException if {@code pdf} cannot be read or was not made by this renderer
   */
  public List<SealPlacement> sealPlacements(byte[] pdf) throws SigningException {
    return OfficialPage.sealPlacements(pdf);
  }

  /**
   * Seal place {@code slot} (0-based) of {@code pdf}; see {@link #sealPlacements(byte[])}.
   *
   * @throws SigningException if the document did not reserve that place
   */
  public SealPlacement sealPlacement(byte[] pdf, int slot) throws SigningException {
    return OfficialPage.sealPlacement(pdf, slot);
  }

  /**
   * Renders the document.
   *
   * @throws SigningException if required content is missing or the PDF cannot be produced
   */
  public byte[] render(OfficialDocument doc) throws SigningException {
    return render(doc, List.of());
  }

  /**
   * Renders the document with files embedded as PDF/A-3 associated files (e.g. machine-readable
   * evidence about it): the document becomes PDF/A-3B, which allows them, and every signature
   * applied later covers them. Without attachments the document stays PDF/A-2B.
   *
   * @throws SigningException if required content is missing, an attachment lacks its name, media
   *     type or bytes, or the PDF cannot be produced
   */
  public byte[] render(OfficialDocument doc, List<DocumentAttachment> attachments)
      throws SigningException {
    validate(doc);
    List<DocumentAttachment> files = attachments == null ? List.of() : attachments;
    for (DocumentAttachment file : files) {
      validate(file);
    }
    // GB/T 9704 §7.3.5: the seal shares its page with the text; a seal page without text
    // ("此页无正文") is not allowed. First tighten the line spacing, then carry the end of the
    // body over to the seal's page.
    for (Fit fit : Fit.values()) {
      Rendered rendered = renderOnce(doc, files, fit);
      if (!rendered.sealPageWithoutText() || fit == Fit.CARRY) {
        return rendered.pdf();
      }
    }
    throw new IllegalStateException("unreachable: CARRY always returns");
  }

  /** How the body is set: normal spacing, tighter lines, or tighter with its end carried over. */
  private enum Fit {
    NORMAL(1.5f, 2),
    TIGHT(1.3f, 0),
    CARRY(1.3f, 0);

    final float leading;
    final float paragraphGap;

    Fit(float leading, float paragraphGap) {
      this.leading = leading;
      this.paragraphGap = paragraphGap;
    }
  }

  private record Rendered(byte[] pdf, boolean sealPageWithoutText) {}

  private Rendered renderOnce(OfficialDocument doc, List<DocumentAttachment> files, Fit fit)
      throws SigningException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EmbeddedFont.Lease fonts = EmbeddedFont.lease()) {
      PdfWriter writer = new PdfWriter(out, new WriterProperties().addXmpMetadata());
      PdfADocument pdf = new PdfADocument(writer,
          files.isEmpty() ? PdfAConformance.PDF_A_2B : PdfAConformance.PDF_A_3B,
          OfficialPage.srgbOutputIntent());
      OfficialPage.describe(pdf, doc.title(), doc.documentNumber(), doc.issuer(), doc.sealSlots());
      DocumentAttachments.embed(pdf, files);
      PdfFont font = fonts.forPdf();
      boolean alone;
      try (Document layout = new Document(pdf, PAGE, false)) {
        layout.setMargins(MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT);
        layout.setFont(font).setFontSize(TEXT_SIZE);
        layout.setProperty(Property.SPLIT_CHARACTERS, new ChineseLineBreaking());
        writeBody(layout, doc, fit);
        alone = keepClearOfFooter(layout, footerTop(doc.sealSlots()));
        int lastPage = pdf.getNumberOfPages();
        writeIssuerBlock(layout, font, doc, lastPage);
        OfficialPage.writeVerificationBlock(layout, pdf, doc.verificationUrl(),
            doc.verificationCode(), "文书", TEXT_SIZE, lastPage);
      }
      return new Rendered(out.toByteArray(), alone);
    } catch (RuntimeException e) {
      // iText reports layout, font and PDF/A violations as unchecked exceptions.
      throw new SigningException(
          "cannot render document " + doc.documentNumber() + ": " + e.getMessage(), e);
    }
  }

  private static void validate(OfficialDocument doc) throws SigningException {
    if (doc == null) {
      throw new SigningException("no document to render");
    }
    requireText(doc.title(), "title");
    requireText(doc.documentNumber(), "document number");
    requireText(doc.issuer(), "issuer");
    if (doc.issueDate() == null) {
      throw new SigningException("the document has no issue date");
    }
    if (doc.paragraphs() == null) {
      throw new SigningException("the document has no body");
    }
    OfficialPage.requireSealSlots(doc.sealSlots());
  }

  private static void validate(DocumentAttachment file) throws SigningException {
    if (file == null) {
      throw new SigningException("an attachment is missing (null)");
    }
    requireText(file.fileName(), "attachment file name");
    requireText(file.mediaType(), "media type for attachment " + file.fileName());
    if (file.content() == null) {
      throw new SigningException("the attachment " + file.fileName() + " has no content");
    }
  }

  private static void requireText(String value, String what) throws SigningException {
    if (value == null || value.isBlank()) {
      throw new SigningException("the document has no " + what);
    }
  }

  /** About two lines of body text: what is carried over to the seal's page when needed. */
  private static final int CARRIED_CHARACTERS = 2
      * (int) ((PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT) / TEXT_SIZE);

  private static void writeBody(Document layout, OfficialDocument doc, Fit fit) {
    layout.add(
        new Paragraph(doc.title())
            .setFontSize(TITLE_SIZE)
            .setTextAlignment(TextAlignment.CENTER)
            .setMarginBottom(6));
    layout.add(
        new Paragraph(doc.documentNumber())
            .setFontSize(TEXT_SIZE - 1.5f)
            .setTextAlignment(TextAlignment.CENTER)
            .setMarginBottom(18));
    if (doc.addressee() != null && !doc.addressee().isBlank()) {
      layout.add(new Paragraph(doc.addressee().strip() + "：").setMarginBottom(0));
      if (doc.addresseeCode() != null && !doc.addresseeCode().isBlank()) {
        layout.add(
            new Paragraph("（统一社会信用代码：" + doc.addresseeCode().strip() + "）")
                .setFontSize(TEXT_SIZE - 3)
                .setMarginTop(0));
      }
    }
    List<String> paragraphs = doc.paragraphs().stream()
        .filter(java.util.Objects::nonNull).map(String::strip).toList();
    for (int i = 0; i < paragraphs.size(); i++) {
      String text = paragraphs.get(i);
      boolean last = i == paragraphs.size() - 1;
      if (fit == Fit.CARRY && last) {
        // The end of the last paragraph starts the seal's page, so that page carries text.
        int cut = Math.max(0, text.length() - CARRIED_CHARACTERS);
        if (cut > 0) {
          layout.add(bodyParagraph(text.substring(0, cut), fit, true));
        }
        layout.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        layout.add(bodyParagraph(text.substring(cut), fit, cut == 0));
      } else {
        layout.add(bodyParagraph(text, fit, true));
      }
    }
  }

  /** Chinese paragraphs: two-character first-line indent, (almost) no space between them. */
  private static Paragraph bodyParagraph(String text, Fit fit, boolean indented) {
    return new Paragraph(text)
        .setFirstLineIndent(indented ? 2 * TEXT_SIZE : 0)
        .setMultipliedLeading(fit.leading)
        .setMarginTop(0)
        .setMarginBottom(fit.paragraphGap)
        .setTextAlignment(TextAlignment.JUSTIFIED);
  }

  /** Height above which body text must stop on the last page. */
  private static float footerTop(int sealSlots) {
    return OfficialPage.sealRowsTop(sealSlots) + 4 * MM;
  }

  /** Moves the issuer block to a new page if the body reaches into it; whether it did. */
  private static boolean keepClearOfFooter(Document layout, float footerTop) {
    LayoutArea area = layout.getRenderer().getCurrentArea();
    if (area == null || area.getBBox().getTop() < footerTop) {
      layout.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
      return true;
    }
    return false;
  }

  /**
   * Issuer and date, centred under the first seal place, as on paper: the stamp covers the
   * issuer's name and the date. Long names are pulled left so they stay inside the margin.
   */
  private static void writeIssuerBlock(
      Document layout, PdfFont font, OfficialDocument doc, int page) {
    Rectangle seal = sealRect(0);
    float issuerBaseline = seal.getBottom() + seal.getHeight() * 0.40f;
    placeCentred(layout, font, doc.issuer(), TEXT_SIZE, seal, issuerBaseline, page);
    placeCentred(
        layout, font, chineseDate(doc.issueDate()), TEXT_SIZE, seal,
        issuerBaseline - 1.6f * TEXT_SIZE, page);
  }

  private static void placeCentred(
      Document layout, PdfFont font, String text, float size, Rectangle seal, float y, int page) {
    float width = font.getWidth(text, size) + 4;
    float rightLimit = PAGE.getWidth() - MARGIN_RIGHT;
    float x = Math.max(MARGIN_LEFT, Math.min(seal.getX() + seal.getWidth() / 2 - width / 2, rightLimit - width));
    layout.add(
        new Paragraph(text)
            .setFontSize(size)
            .setMargin(0)
            .setTextAlignment(TextAlignment.CENTER)
            .setFixedPosition(page, x, y, Math.min(width, rightLimit - x)));
  }

  /** "2026年3月5日": dates on official documents are written without leading zeros. */
  static String chineseDate(LocalDate date) {
    return OfficialPage.chineseDate(date);
  }
}
