package cn.wssp.signing;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.extgstate.PdfExtGState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Marks a rendered document as a draft on every page: the mark in red at the top and large
 * across the page, so a preview printed or forwarded cannot pass for a decision. Only for
 * unsigned documents (stamping rewrites the file).
 */
public final class DraftMark {
  private static final DeviceRgb RED = new DeviceRgb(200, 30, 30);

  private DraftMark() {}

  public static byte[] stamp(byte[] pdf, String mark) throws SigningException {
    if (mark == null || mark.isBlank()) {
      throw new SigningException("a draft needs a mark");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EmbeddedFont.Lease fonts = EmbeddedFont.lease();
        PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)),
            new PdfWriter(out))) {
      PdfFont font = fonts.forPdf();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        PdfPage page = doc.getPage(i);
        Rectangle box = page.getPageSize();
        PdfCanvas canvas = new PdfCanvas(page);
        canvas.saveState().setFillColor(RED);
        float top = 12f;
        canvas.beginText().setFontAndSize(font, top)
            .moveText(box.getLeft() + 20, box.getTop() - 24).showText(mark).endText();
        canvas.setExtGState(new PdfExtGState().setFillOpacity(0.18f));
        float size = 40f;
        double angle = Math.atan2(box.getHeight(), box.getWidth());
        float width = font.getWidth(mark, size);
        float cx = box.getLeft() + box.getWidth() / 2;
        float cy = box.getBottom() + box.getHeight() / 2;
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        canvas.beginText().setFontAndSize(font, size)
            .setTextMatrix(cos, sin, -sin, cos, cx - cos * width / 2, cy - sin * width / 2)
            .showText(mark).endText();
        canvas.restoreState().release();
      }
    } catch (IOException | RuntimeException e) {
      throw new SigningException("cannot mark the draft: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
