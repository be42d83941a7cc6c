package cn.wssp.signing;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file carried inside a rendered document as a PDF/A-3 associated file (ISO 19005-3 §6.8):
 * embedded, listed in the catalog's /AF array and named in the EmbeddedFiles tree, so the
 * signatures that follow cover it like the visible text. What the file means is the caller's
 * business; this module only embeds and reads it back ({@link DocumentAttachments}).
 *
 * @param fileName the name shown by PDF readers, e.g. "evidence.json"
 * @param mediaType its MIME type, e.g. "application/json" (PDF/A-3 requires one)
 * @param description one line for people, e.g. "办件证据清单"
 * @param relationship how it relates to the document (/AFRelationship)
 * @param content the bytes
 */
public record DocumentAttachment(
    String fileName,
    String mediaType,
    String description,
    Relationship relationship,
    byte[] content) {

  /** The /AFRelationship values of PDF 2.0 / PDF/A-3 that fit evidence about a document. */
  public enum Relationship {
    /** Data the visible document was made from or represents (e.g. machine-readable facts). */
    DATA("Data"),
    /** The original the document was produced from. */
    SOURCE("Source"),
    /** Supplementary information. */
    SUPPLEMENT("Supplement");

    private final String pdfName;

    Relationship(String pdfName) {
      this.pdfName = pdfName;
    }

    /** The PDF name, without the slash. */
    public String pdfName() {
      return pdfName;
    }
  }

  public DocumentAttachment {
    Objects.requireNonNull(relationship, "relationship");
    content = content == null ? null : content.clone();
  }

  @Override
  public byte[] content() {
    return content == null ? null : content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentAttachment a
        && Objects.equals(fileName, a.fileName)
        && Objects.equals(mediaType, a.mediaType)
        && Objects.equals(description, a.description)
        && relationship == a.relationship
        && Arrays.equals(content, a.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, mediaType, description, relationship, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "DocumentAttachment[" + fileName + ", " + mediaType + ", " + relationship + ", "
        + (content == null ? 0 : content.length) + " bytes]";
  }
}
