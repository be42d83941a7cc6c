package cn.wssp.signing;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A blank form (空白表格) to print or fill in and upload as the material: its title, the matter,
 * a row to fill per field, and how to hand it in. No seal, no number: it is not a document the
 * center issues, only the paper an applicant starts from.
 */
public final class BlankFormRenderer {
  /** What the form says; {@code fields} are the rows to fill, {@code notes} the closing lines. */
  public record BlankForm(String title, String matterName, String centerName, List<String> fields,
      List<String> notes) {
    public BlankForm {
      fields = List.copyOf(fields);
      notes = List.copyOf(notes);
    }
  }

  public byte[] render(BlankForm form) throws SigningException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EmbeddedFont.Lease fonts = EmbeddedFont.lease()) {
      PdfFont font = fonts.forPdf();
      PdfDocument pdf = new PdfDocument(new PdfWriter(out));
      pdf.getDocumentInfo().setTitle(form.title()).setCreator(form.centerName());
      try (Document layout = new Document(pdf, PageSize.A4)) {
        layout.setMargins(60, 56, 60, 56);
        layout.setFont(font).setFontSize(12);
        layout.setProperty(Property.SPLIT_CHARACTERS, new ChineseLineBreaking());
        layout.add(new Paragraph(form.title()).setFontSize(20).setTextAlignment(TextAlignment.CENTER)
            .setMarginBottom(4));
        layout.add(new Paragraph("办理事项：" + form.matterName()).setTextAlignment(TextAlignment.CENTER)
            .setFontSize(11).setMarginBottom(16));
        Table table = new Table(UnitValue.createPercentArray(new float[] {32, 68}))
            .useAllAvailableWidth();
        for (String field : form.fields()) {
          table.addCell(new Cell().add(new Paragraph(field)).setPadding(8));
          table.addCell(new Cell().setMinHeight(30));
        }
        layout.add(table);
        for (String note : form.notes()) {
          layout.add(new Paragraph(note).setFontSize(10).setMarginTop(6));
        }
        layout.add(new Paragraph(form.centerName()).setFontSize(10).setTextAlignment(TextAlignment.RIGHT)
            .setMarginTop(18));
      }
      return out.toByteArray();
    } catch (RuntimeException e) {
      // iText reports layout and font problems as unchecked exceptions.
      throw new SigningException("cannot render the blank form " + form.title() + ": "
          + e.getMessage(), e);
    }
  }
}
