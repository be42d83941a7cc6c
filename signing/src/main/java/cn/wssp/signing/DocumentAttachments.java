package cn.wssp.signing;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds {@link DocumentAttachment}s as PDF/A-3 associated files and reads them back from a
 * document, signed or not. Reading looks at the catalog's /AF array only: a file that is merely
 * attached somewhere else (an annotation, a name tree entry added later) is not one of ours.
 */
public final class DocumentAttachments {

  private DocumentAttachments() {}

  static void embed(PdfDocument pdf, List<DocumentAttachment> files) {
    for (DocumentAttachment file : files) {
      PdfFileSpec spec = PdfFileSpec.createEmbeddedFileSpec(pdf, file.content(),
          file.description(), file.fileName(), new PdfName(file.mediaType()), null,
          new PdfName(file.relationship().pdfName()));
      if (file.description() != null) {
        // iText writes /Desc in PDFDocEncoding, which has no Chinese: UTF-16BE it is.
        ((PdfDictionary) spec.getPdfObject()).put(PdfName.Desc,
            new PdfString(file.description(), PdfEncodings.UNICODE_BIG));
      }
      pdf.addAssociatedFile(
          file.description() == null ? file.fileName() : file.description(), spec);
    }
  }

  /**
   * The document-level associated files of {@code pdf}, in order; empty when it has none.
   *
   * @throws SigningException if {@code pdf} is not a readable PDF
   */
  public static List<DocumentAttachment> read(byte[] pdf) throws SigningException {
    if (pdf == null || pdf.length == 0) {
      throw new SigningException("no PDF to read attachments from");
    }
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      PdfArray af = document.getCatalog().getPdfObject().getAsArray(PdfName.AF);
      if (af == null) {
        return List.of();
      }
      List<DocumentAttachment> files = new ArrayList<>();
      for (int i = 0; i < af.size(); i++) {
        PdfDictionary spec = af.getAsDictionary(i);
        DocumentAttachment file = spec == null ? null : attachment(spec);
        if (file != null) {
          files.add(file);
        }
      }
      return List.copyOf(files);
    } catch (IOException | RuntimeException e) {
      throw new SigningException("cannot read the PDF's attachments: " + e.getMessage(), e);
    }
  }

  private static DocumentAttachment attachment(PdfDictionary spec) {
    PdfDictionary ef = spec.getAsDictionary(PdfName.EF);
    PdfStream stream = ef == null ? null
        : ef.getAsStream(PdfName.UF) != null ? ef.getAsStream(PdfName.UF) : ef.getAsStream(PdfName.F);
    if (stream == null) {
      return null;
    }
    PdfName subtype = stream.getAsName(PdfName.Subtype);
    PdfName relationship = spec.getAsName(PdfName.AFRelationship);
    return new DocumentAttachment(
        text(spec.getAsString(PdfName.UF), spec.getAsString(PdfName.F)),
        subtype == null ? null : subtype.getValue(),
        text(spec.getAsString(PdfName.Desc), null),
        relationshipOf(relationship),
        stream.getBytes());
  }

  private static String text(PdfString preferred, PdfString fallback) {
    PdfString s = preferred != null ? preferred : fallback;
    return s == null ? null : s.toUnicodeString();
  }

  private static DocumentAttachment.Relationship relationshipOf(PdfName name) {
    for (DocumentAttachment.Relationship r : DocumentAttachment.Relationship.values()) {
      if (name != null && r.pdfName().equals(name.getValue())) {
        return r;
      }
    }
    // Alternative, Unspecified or none: report as supplementary information.
    return DocumentAttachment.Relationship.SUPPLEMENT;
  }
}
