package cn.wssp.portal.it;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Real files of the kinds applicants upload, made on the spot. */
final class TestFiles {
  private TestFiles() {}

  static byte[] pdf(String text, int pages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out)); Document doc = new Document(pdf)) {
      for (int i = 0; i < pages; i++) {
        if (i > 0) {
          doc.add(new com.itextpdf.layout.element.AreaBreak());
        }
        doc.add(new Paragraph(text + " page " + (i + 1)));
      }
    }
    return out.toByteArray();
  }

  static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
