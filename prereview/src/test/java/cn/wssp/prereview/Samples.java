package cn.wssp.prereview;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real sample files, generated in the test: no fixtures, no mocks. */
final class Samples {
  private Samples() {}

  // ---- materials and files -------------------------------------------------------------------

  static final String LICENSE = "business-license";
  static final String LICENSE_NAME = "营业执照副本";

  static MaterialRequirement pdfOnly(String code, String name) {
    return new MaterialRequirement(code, name, true, false, List.of("application/pdf"),
        10L * 1024 * 1024, 20);
  }

  static MaterialRequirement license() {
    return pdfOnly(LICENSE, LICENSE_NAME);
  }

  static MaterialRequirement accepting(String code, String name, String... types) {
    return new MaterialRequirement(code, name, true, false, List.of(types), 10L * 1024 * 1024, 0);
  }

  static SubmittedFile file(String code, String fileName, byte[] bytes) {
    return new SubmittedFile(code, fileName, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  // ---- PDFs ---------------------------------------------------------------------------------

  static byte[] pdf(int pages) {
    try (PDDocument doc = textDocument(pages)) {
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encryptedPdf() {
    try (PDDocument doc = textDocument(1)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF header followed by garbage: what a broken upload or a fake looks like. */
  static byte[] garbagePdf() {
    byte[] noise = new byte[20_000];
    new Random(42).nextBytes(noise);
    byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R"
        .getBytes(StandardCharsets.ISO_8859_1);
    return concat(head, noise);
  }

  /** A page holding only a picture of text, as a scanner makes it. */
  static byte[] scannedPdf(String text) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      BufferedImage img = textImage(text, 1240, 400);
      PDImageXObject x = LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(x, 0, 500, 595, 192);
      }
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDDocument textDocument(int pages) throws IOException {
    PDDocument doc = new PDDocument();
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    for (int i = 1; i <= pages; i++) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 12);
        cs.newLineAtOffset(72, 720);
        cs.showText("Business license, unified social credit code 91350100M000100Y43, page " + i);
        cs.endText();
      }
    }
    return doc;
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  // ---- images -------------------------------------------------------------------------------

  static byte[] png() {
    return image("png", textImage("LICENSE 2026", 600, 200));
  }

  static byte[] jpeg() {
    return image("jpeg", textImage("LICENSE 2026", 600, 200));
  }

  /** Black text on white, big enough for Tesseract; uses a CJK font when the text needs one. */
  static BufferedImage textImage(String text, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(fontFor(text, height / 3));
    g.drawString(text, 40, height * 2 / 3);
    g.dispose();
    return img;
  }

  /** A font able to draw {@code text}, or null if the machine has none. */
  static Font fontFor(String text, int size) {
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, size);
    if (plain.canDisplayUpTo(text) < 0) {
      return plain;
    }
    for (String family : List.of("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei")) {
      Font f = new Font(family, Font.PLAIN, size);
      if (f.canDisplayUpTo(text) < 0) {
        return f;
      }
    }
    return null;
  }

  private static byte[] image(String format, BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid small PNG whose header claims {@code side}×{@code side} pixels: a pixel bomb. */
  static byte[] pngClaiming(int side) {
    byte[] png = image("png", new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
    ByteBuffer b = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
    b.putInt(16, side).putInt(20, side); // IHDR width and height
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17); // "IHDR" + 13 data bytes
    b.putInt(29, (int) crc.getValue());
    return png;
  }

  // ---- programs -----------------------------------------------------------------------------

  /** A Windows PE stub: "MZ", the PE header offset at 0x3c, "PE\0\0" and an i386 machine field. */
  static byte[] windowsExe() {
    byte[] exe = new byte[1024];
    ByteBuffer b = ByteBuffer.wrap(exe).order(ByteOrder.LITTLE_ENDIAN);
    exe[0] = 'M';
    exe[1] = 'Z';
    b.putInt(0x3c, 0x80);
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    b.putShort(0x84, (short) 0x014c);
    byte[] msg = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(msg, 0, exe, 0x4e, msg.length);
    return exe;
  }

  // ---- Office -------------------------------------------------------------------------------

  static byte[] docx(String text) {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A docx with an opening password (agile encryption, as Word does it). */
  static byte[] encryptedDocx(String text) {
    try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
        new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
      org.apache.poi.poifs.crypt.EncryptionInfo info = new org.apache.poi.poifs.crypt.EncryptionInfo(
          org.apache.poi.poifs.crypt.EncryptionMode.agile);
      org.apache.poi.poifs.crypt.Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret-2026");
      try (java.io.OutputStream os = enc.getDataStream(fs)) {
        os.write(docx(text));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Restricted (no printing) with an owner password only: opens without any password. */
  static byte[] ownerPasswordOnlyPdf() {
    try (PDDocument doc = textDocument(1)) {
      AccessPermission noPrint = new AccessPermission();
      noPrint.setCanPrint(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", noPrint);
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- archives -----------------------------------------------------------------------------

  static byte[] zip(String entryName, byte[] content) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry(entryName));
        z.write(content);
        z.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Archives nested {@code levels} deep around a small text. */
  static byte[] nestedZips(int levels) {
    byte[] inner = "innermost".getBytes(StandardCharsets.UTF_8);
    String name = "readme.txt";
    for (int i = 0; i < levels; i++) {
      inner = zip(name, inner);
      name = "level" + i + ".zip";
    }
    return inner;
  }

  /** A ZIP whose one entry inflates to {@code mebibytes} MiB of zeros; 1024 MiB cost ~1 MB. */
  static byte[] zipBomb(int mebibytes) {
    Deflated zeros = zeros(mebibytes);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
        ZipArchiveEntry e = new ZipArchiveEntry("zeros.txt");
        e.setMethod(ZipArchiveEntry.DEFLATED);
        e.setSize((long) mebibytes << 20);
        e.setCompressedSize(zeros.raw.length);
        e.setCrc(zeros.crc);
        z.addRawArchiveEntry(e, new ByteArrayInputStream(zeros.raw));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same zeros as a .gz: header, the raw deflate blocks, CRC-32 and length (RFC 1952). */
  static byte[] gzipBomb(int mebibytes) {
    Deflated zeros = zeros(mebibytes);
    byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt((int) zeros.crc).putInt((int) ((long) mebibytes << 20));
    return concat(concat(header, zeros.raw), trailer.array());
  }

  private record Deflated(byte[] raw, long crc) {}

  /**
   * {@code mebibytes} MiB of zeros as a raw deflate stream, built in milliseconds: one MiB is
   * deflated once with a full flush (byte-aligned, no back-references across the flush), that
   * block is repeated, and an empty final block ends the stream.
   */
  private static Deflated zeros(int mebibytes) {
    byte[] zeros = new byte[1 << 20];
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    d.setInput(zeros);
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    int n;
    do {
      n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
      block.write(buf, 0, n);
    } while (n == buf.length || !d.needsInput());
    d.end();
    Deflater end = new Deflater(Deflater.BEST_COMPRESSION, true);
    end.finish();
    ByteArrayOutputStream last = new ByteArrayOutputStream();
    while (!end.finished()) {
      last.write(buf, 0, end.deflate(buf));
    }
    end.end();

    byte[] one = block.toByteArray();
    byte[] raw = new byte[one.length * mebibytes + last.size()];
    CRC32 crc = new CRC32();
    for (int i = 0; i < mebibytes; i++) {
      System.arraycopy(one, 0, raw, i * one.length, one.length);
      crc.update(zeros);
    }
    System.arraycopy(last.toByteArray(), 0, raw, one.length * mebibytes, last.size());
    return new Deflated(raw, crc.getValue());
  }

  // ---- Chinese licences (content checks) -----------------------------------------------------

  /** The applicant of the content tests and its (valid) unified social credit code. */
  static final String APPLICANT_NAME = "杭州示例食品有限公司";
  static final String APPLICANT_CODE = "91330106MA2B1C2D3C";
  /** Another enterprise's valid code. */
  static final String OTHER_CODE = "91110108MA01AB2C3T";
  /** The applicant's code with a wrong check digit. */
  static final String BAD_CHECK_DIGIT_CODE = "91330106MA2B1C2D3X";

  /** The lines of a business licence. */
  static List<String> licenceLines(String name, String code, String validity) {
    return List.of("营业执照", "统一社会信用代码 " + code, "名称 " + name,
        "类型 有限责任公司", validity);
  }

  static final String PERPETUAL = "营业期限 2018年03月01日至长期";

  /**
   * A one-page-per-list PDF with a Chinese text layer: a Type0 font STSong-Light (one of the
   * standard Adobe-GB1 fonts, not embedded) with the UniGB-UTF16-H encoding, written as COS objects
   * because PDFBox cannot embed the CFF-based Noto CJK fonts of this machine.
   */
  @SafeVarargs
  static byte[] chinesePdf(List<String>... pages) {
    try (PDDocument doc = new PDDocument()) {
      org.apache.pdfbox.cos.COSDictionary fonts = new org.apache.pdfbox.cos.COSDictionary();
      fonts.setItem(org.apache.pdfbox.cos.COSName.getPDFName("F1"), stSongLight());
      org.apache.pdfbox.cos.COSDictionary res = new org.apache.pdfbox.cos.COSDictionary();
      res.setItem(org.apache.pdfbox.cos.COSName.FONT, fonts);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        page.setResources(new org.apache.pdfbox.pdmodel.PDResources(res));
        StringBuilder c = new StringBuilder("BT /F1 12 Tf 16 TL 72 760 Td\n");
        for (String line : lines) {
          StringBuilder hex = new StringBuilder();
          for (byte b : line.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(String.format("%02X", b));
          }
          c.append('<').append(hex).append("> Tj T*\n");
        }
        c.append("ET\n");
        org.apache.pdfbox.pdmodel.common.PDStream s =
            new org.apache.pdfbox.pdmodel.common.PDStream(doc);
        try (java.io.OutputStream o = s.createOutputStream()) {
          o.write(c.toString().getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(s);
      }
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.apache.pdfbox.cos.COSDictionary stSongLight() {
    org.apache.pdfbox.cos.COSDictionary cid = new org.apache.pdfbox.cos.COSDictionary();
    cid.setName(org.apache.pdfbox.cos.COSName.TYPE, "Font");
    cid.setName(org.apache.pdfbox.cos.COSName.SUBTYPE, "CIDFontType0");
    cid.setName(org.apache.pdfbox.cos.COSName.BASE_FONT, "STSong-Light");
    org.apache.pdfbox.cos.COSDictionary info = new org.apache.pdfbox.cos.COSDictionary();
    info.setString(org.apache.pdfbox.cos.COSName.REGISTRY, "Adobe");
    info.setString(org.apache.pdfbox.cos.COSName.ORDERING, "GB1");
    info.setInt(org.apache.pdfbox.cos.COSName.SUPPLEMENT, 4);
    cid.setItem(org.apache.pdfbox.cos.COSName.CIDSYSTEMINFO, info);
    org.apache.pdfbox.cos.COSDictionary fd = new org.apache.pdfbox.cos.COSDictionary();
    fd.setName(org.apache.pdfbox.cos.COSName.TYPE, "FontDescriptor");
    fd.setName(org.apache.pdfbox.cos.COSName.FONT_NAME, "STSong-Light");
    fd.setInt(org.apache.pdfbox.cos.COSName.FLAGS, 6);
    org.apache.pdfbox.cos.COSArray bbox = new org.apache.pdfbox.cos.COSArray();
    for (int v : new int[] {-25, -254, 1000, 880}) {
      bbox.add(org.apache.pdfbox.cos.COSInteger.get(v));
    }
    fd.setItem(org.apache.pdfbox.cos.COSName.FONT_BBOX, bbox);
    fd.setInt(org.apache.pdfbox.cos.COSName.ITALIC_ANGLE, 0);
    fd.setInt(org.apache.pdfbox.cos.COSName.ASCENT, 880);
    fd.setInt(org.apache.pdfbox.cos.COSName.DESCENT, -120);
    fd.setInt(org.apache.pdfbox.cos.COSName.CAP_HEIGHT, 880);
    fd.setInt(org.apache.pdfbox.cos.COSName.STEM_V, 93);
    cid.setItem(org.apache.pdfbox.cos.COSName.FONT_DESC, fd);
    org.apache.pdfbox.cos.COSDictionary f = new org.apache.pdfbox.cos.COSDictionary();
    f.setName(org.apache.pdfbox.cos.COSName.TYPE, "Font");
    f.setName(org.apache.pdfbox.cos.COSName.SUBTYPE, "Type0");
    f.setName(org.apache.pdfbox.cos.COSName.BASE_FONT, "STSong-Light");
    f.setName(org.apache.pdfbox.cos.COSName.ENCODING, "UniGB-UTF16-H");
    org.apache.pdfbox.cos.COSArray descendants = new org.apache.pdfbox.cos.COSArray();
    descendants.add(cid);
    f.setItem(org.apache.pdfbox.cos.COSName.DESCENDANT_FONTS, descendants);
    return f;
  }

  /** The first {@code fraction} of the bytes: an interrupted upload. */
  static byte[] cut(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }

  /** A PDF with a digital signature (a dummy CMS: only the presence is judged here). */
  static byte[] signedPdf(List<String> lines) {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(chinesePdf(lines))) {
      org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature sig =
          new org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature();
      sig.setFilter(org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.FILTER_ADOBE_PPKLITE);
      sig.setSubFilter(
          org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      sig.setName(APPLICANT_NAME);
      sig.setSignDate(java.util.Calendar.getInstance());
      doc.addSignature(sig, content -> new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scan-like PNG of the lines, black on white, drawn with a CJK font. */
  static byte[] chineseImage(List<String> lines) {
    int lineHeight = 64;
    BufferedImage img = new BufferedImage(1400, lineHeight * (lines.size() + 1),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(fontFor(String.join("", lines), 40));
    for (int i = 0; i < lines.size(); i++) {
      g.drawString(lines.get(i), 40, lineHeight * (i + 1));
    }
    g.dispose();
    return image("png", img);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
