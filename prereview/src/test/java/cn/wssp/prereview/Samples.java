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

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
