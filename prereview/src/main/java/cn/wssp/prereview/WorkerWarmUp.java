package cn.wssp.prereview;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * What a worker JVM examines before it says it is ready: a two-page PDF of its own, a Chinese
 * page in the non-embedded STSong-Light font (the CMap most Chinese PDFs use is loaded then) and a
 * Latin one, several times, so that the first real files find detection, PDF parsing and the
 * checks loaded and compiled.
 */
final class WorkerWarmUp {
  private static final int ROUNDS = 10;

  private WorkerWarmUp() {}

  static void run(ContentInspector inspector, Path tempDir) {
    Path pdf = null;
    try {
      pdf = Files.createTempFile(tempDir, "prereview-warmup-", ".pdf");
      Files.write(pdf, pdf());
      Path file = pdf;
      for (int i = 0; i < ROUNDS; i++) {
        inspector.inspect(new SubmittedFile("warm-up", "warm-up.pdf", Files.size(file),
            () -> Files.newInputStream(file)), 1 << 20);
      }
    } catch (IOException | RuntimeException e) {
      e.printStackTrace(); // not fatal: the first real files pay for the loading instead
    } finally {
      if (pdf != null) {
        try {
          Files.deleteIfExists(pdf);
        } catch (IOException e) {
          pdf.toFile().deleteOnExit();
        }
      }
    }
  }

  static byte[] pdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      COSDictionary fonts = new COSDictionary();
      fonts.setItem(COSName.getPDFName("F1"), stSongLight());
      fonts.setItem(COSName.getPDFName("F2"), helvetica());
      COSDictionary res = new COSDictionary();
      res.setItem(COSName.FONT, fonts);
      page(doc, res, "BT /F1 12 Tf 72 760 Td <" + hex("营业执照 统一社会信用代码 营业期限 长期")
          + "> Tj ET\n");
      page(doc, res, "BT /F2 12 Tf 72 760 Td (Warm-up 91330106MA2B1C2D3C 2018-03-01) Tj ET\n");
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void page(PDDocument doc, COSDictionary resources, String content)
      throws IOException {
    PDPage page = new PDPage();
    doc.addPage(page);
    page.setResources(new PDResources(resources));
    PDStream s = new PDStream(doc);
    try (OutputStream o = s.createOutputStream()) {
      o.write(content.getBytes(StandardCharsets.US_ASCII));
    }
    page.setContents(s);
  }

  private static String hex(String text) {
    StringBuilder h = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
      h.append(String.format("%02X", b));
    }
    return h.toString();
  }

  private static COSDictionary helvetica() {
    COSDictionary f = new COSDictionary();
    f.setName(COSName.TYPE, "Font");
    f.setName(COSName.SUBTYPE, "Type1");
    f.setName(COSName.BASE_FONT, "Helvetica");
    return f;
  }

  /** Adobe's standard Chinese font, not embedded, with the UTF-16 CMap. */
  private static COSDictionary stSongLight() {
    COSDictionary info = new COSDictionary();
    info.setString(COSName.REGISTRY, "Adobe");
    info.setString(COSName.ORDERING, "GB1");
    info.setInt(COSName.SUPPLEMENT, 4);
    COSDictionary fd = new COSDictionary();
    fd.setName(COSName.TYPE, "FontDescriptor");
    fd.setName(COSName.FONT_NAME, "STSong-Light");
    fd.setInt(COSName.FLAGS, 6);
    COSArray bbox = new COSArray();
    for (int v : new int[] {-25, -254, 1000, 880}) {
      bbox.add(COSInteger.get(v));
    }
    fd.setItem(COSName.FONT_BBOX, bbox);
    fd.setInt(COSName.ITALIC_ANGLE, 0);
    fd.setInt(COSName.ASCENT, 880);
    fd.setInt(COSName.DESCENT, -120);
    fd.setInt(COSName.CAP_HEIGHT, 880);
    fd.setInt(COSName.STEM_V, 93);
    COSDictionary cid = new COSDictionary();
    cid.setName(COSName.TYPE, "Font");
    cid.setName(COSName.SUBTYPE, "CIDFontType0");
    cid.setName(COSName.BASE_FONT, "STSong-Light");
    cid.setItem(COSName.CIDSYSTEMINFO, info);
    cid.setItem(COSName.FONT_DESC, fd);
    COSDictionary f = new COSDictionary();
    f.setName(COSName.TYPE, "Font");
    f.setName(COSName.SUBTYPE, "Type0");
    f.setName(COSName.BASE_FONT, "STSong-Light");
    f.setName(COSName.ENCODING, "UniGB-UTF16-H");
    COSArray descendants = new COSArray();
    descendants.add(cid);
    f.setItem(COSName.DESCENDANT_FONTS, descendants);
    return f;
  }
}
