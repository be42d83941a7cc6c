package cn.wssp.signing;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every sealed page of the portal shares, whichever renderer lays out the rest: the A4
 * page and its margins, the seal places at the bottom right of the last page (recorded in the
 * PDF so that {@link #sealPlacements(byte[])} finds them again without knowing the renderer),
 * the QR code of the verification page with the code beside it at the bottom left, the
 * document information (number, seal places) {@link PdfVerifier} reads back, and the PDF/A output
 * intent. {@link OfficialDocumentRenderer} (notices, decisions) and {@link LicenceRenderer}
 * (电子证照) both build on it, so a document of either is sealed the same way.
 */
final class OfficialPage {

  /** Document information key holding the document number. */
  static final String DOCUMENT_NUMBER_KEY = "DocumentNumber";
  /** Document information key holding how many seal places were reserved. */
  static final String SEAL_SLOTS_KEY = "SealSlots";
  /** At most two rows of three seals fit above the QR code. */
  static final int MAX_SEAL_SLOTS = 6;

  static final float MM = 72f / 25.4f;
  static final PageSize PAGE = PageSize.A4;
  // Margins after GB/T 9704 (党政机关公文格式): 37 mm top, 28 mm left, 26 mm right.
  static final float MARGIN_TOP = 37 * MM;
  static final float MARGIN_LEFT = 28 * MM;
  static final float MARGIN_RIGHT = 26 * MM;
  static final float MARGIN_BOTTOM = 25 * MM;
  /** A standard round official seal is 42 mm across. */
  static final float SEAL_SIZE = 42 * MM;
  private static final float SEAL_GAP = 4 * MM;
  static final int SEALS_PER_ROW = 3;
  /** Bottom of the first seal row: above the QR code block. */
  private static final float SEAL_ROW_BOTTOM = MARGIN_BOTTOM + 32 * MM;
  private static final float QR_SIZE = 26 * MM;

  private OfficialPage() {}

  /**
   * Where seal {@code slot} goes on the last page, in PDF user space (points, origin bottom left).
   * Slot 0 is the customary place of a single seal, over the issuer and date at the right; further
   * slots of a joint document go to its left, three per row, then a row higher up.
   *
   * @throws IllegalArgumentException if slot is outside 0..{@value #MAX_SEAL_SLOTS}-1
   */
  static Rectangle sealRect(int slot) {
    if (slot < 0 || slot >= MAX_SEAL_SLOTS) {
      throw new IllegalArgumentException(
          "seal slot must be 0.." + (MAX_SEAL_SLOTS - 1) + ", was " + slot);
    }
    int row = slot / SEALS_PER_ROW;
    int column = slot % SEALS_PER_ROW;
    float right = PAGE.getWidth() - MARGIN_RIGHT - 10 * MM;
    float x = right - SEAL_SIZE - column * (SEAL_SIZE + SEAL_GAP);
    float y = SEAL_ROW_BOTTOM + row * (SEAL_SIZE + SEAL_GAP);
    return new Rectangle(x, y, SEAL_SIZE, SEAL_SIZE);
  }

  /** The top of the highest seal row {@code sealSlots} places need. */
  static float sealRowsTop(int sealSlots) {
    int rows = Math.max(1, (sealSlots + SEALS_PER_ROW - 1) / SEALS_PER_ROW);
    return sealRect((rows - 1) * SEALS_PER_ROW).getTop();
  }

  /**
   * The seal places reserved in {@code pdf} (possibly already carrying signatures), in slot
   * order: slot 0 first, all on the last page; how many was recorded at rendering.
   *
   * @throws SigningException if {@code pdf} cannot be read or records no seal places
   */
  static List<SealPlacement> sealPlacements(byte[] pdf) throws SigningException {
    if (pdf == null || pdf.length == 0) {
      throw new SigningException("no PDF to find seal places in");
    }
    int pages;
    String reserved;
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      pages = document.getNumberOfPages();
      reserved = document.getDocumentInfo().getMoreInfo(SEAL_SLOTS_KEY);
    } catch (IOException | RuntimeException e) {
      throw new SigningException("cannot read the PDF to find its seal places: " + e.getMessage(), e);
    }
    int slots = parseSlots(reserved);
    List<SealPlacement> placements = new ArrayList<>(slots);
    for (int slot = 0; slot < slots; slot++) {
      Rectangle rect = sealRect(slot);
      placements.add(
          new SealPlacement(pages, rect.getX(), rect.getY(), rect.getWidth(), rect.getHeight()));
    }
    return List.copyOf(placements);
  }

  /**
   * Seal place {@code slot} (0-based) of {@code pdf}; see {@link #sealPlacements(byte[])}.
   *
   * @throws SigningException if the document did not reserve that place
   */
  static SealPlacement sealPlacement(byte[] pdf, int slot) throws SigningException {
    List<SealPlacement> placements = sealPlacements(pdf);
    if (slot < 0 || slot >= placements.size()) {
      throw new SigningException(
          "the document reserves " + placements.size() + " seal place(s); place " + slot
              + " does not exist");
    }
    return placements.get(slot);
  }

  private static int parseSlots(String reserved) throws SigningException {
    if (reserved == null) {
      throw new SigningException(
          "the PDF records no reserved seal places (" + SEAL_SLOTS_KEY
              + "): it was not made by the portal's renderers; choose a SealPlacement yourself");
    }
    try {
      int slots = Integer.parseInt(reserved.trim());
      if (slots < 0 || slots > MAX_SEAL_SLOTS) {
        throw new SigningException("the PDF records an impossible number of seal places: " + reserved);
      }
      return slots;
    } catch (NumberFormatException e) {
      throw new SigningException("the PDF records an unreadable number of seal places: " + reserved, e);
    }
  }

  static void requireSealSlots(int sealSlots) throws SigningException {
    if (sealSlots < 0 || sealSlots > MAX_SEAL_SLOTS) {
      throw new SigningException(
          "a document can reserve 0.." + MAX_SEAL_SLOTS + " seal places, not " + sealSlots);
    }
  }

  /** Output intent required by PDF/A: the JDK's built-in sRGB profile, no file to ship. */
  static PdfOutputIntent srgbOutputIntent() {
    byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    return new PdfOutputIntent(
        "Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", new ByteArrayInputStream(icc));
  }

  /** Title, issuer, number and reserved seal places in the document information. */
  static void describe(PdfDocument pdf, String title, String documentNumber, String issuer,
      int sealSlots) {
    PdfDocumentInfo info = pdf.getDocumentInfo();
    info.setTitle(title + " " + documentNumber);
    info.setSubject(title);
    info.setAuthor(issuer);
    info.setKeywords(documentNumber);
    info.setCreator("网上审批 (wssp signing)");
    info.setMoreInfo(DOCUMENT_NUMBER_KEY, documentNumber);
    info.setMoreInfo(SEAL_SLOTS_KEY, Integer.toString(sealSlots));
    pdf.getCatalog().setLang(new PdfString("zh-CN"));
    pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
  }

  /**
   * The QR code of {@code url} at the bottom left of {@code page}, the verification code and the
   * address beside it; nothing when there is neither (a draft).
   */
  static void writeVerificationBlock(Document layout, PdfDocument pdf, String url, String code,
      String what, float textSize, int page) {
    boolean hasUrl = url != null && !url.isBlank();
    boolean hasCode = code != null && !code.isBlank();
    if (!hasUrl && !hasCode) {
      return;
    }
    float textLeft = MARGIN_LEFT;
    if (hasUrl) {
      Map<EncodeHintType, Object> hints = new HashMap<>();
      hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
      hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
      BarcodeQRCode qr = new BarcodeQRCode(url.strip(), hints);
      PdfFormXObject image = qr.createFormXObject(ColorConstants.BLACK, pdf);
      layout.add(
          new Image(image)
              .scaleToFit(QR_SIZE, QR_SIZE)
              .setFixedPosition(page, MARGIN_LEFT, MARGIN_BOTTOM));
      textLeft = MARGIN_LEFT + QR_SIZE + 4 * MM;
    }
    Paragraph text = new Paragraph().setMargin(0).setMultipliedLeading(1.3f);
    if (hasCode) {
      text.add(new Text("验证码：" + code.strip()).setFontSize(textSize - 2));
    }
    if (hasUrl) {
      text.add(new Text((hasCode ? "\n" : "") + "扫描二维码或访问以下网址核验本" + what + "：\n"
              + url.strip()).setFontSize(8.5f));
    }
    float width = PAGE.getWidth() - MARGIN_RIGHT - textLeft;
    layout.add(text.setFixedPosition(page, textLeft, MARGIN_BOTTOM + 2 * MM, width));
  }

  /** "2026年3月5日": dates on official documents are written without leading zeros. */
  static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
