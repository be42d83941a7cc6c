package cn.wssp.prereview;

import java.io.IOException;
import java.io.InputStream;

/**
 * One uploaded file of an application, as the pre-review receives it.
 *
 * @param materialCode which material it is for
 * @param fileName the name the applicant gave (never trusted for the type)
 * @param size size in bytes
 * @param content opens the content afresh each call
 * @param sha256 the content's SHA-256 (hex) as recorded when it was uploaded, or null: a file
 *     examined before under the same SHA-256 and name is not examined again (InspectionCache)
 */
public record SubmittedFile(String materialCode, String fileName, long size, Content content,
    String sha256) {

  /** A file whose SHA-256 is not known: it is always examined. */
  public SubmittedFile(String materialCode, String fileName, long size, Content content) {
    this(materialCode, fileName, size, content, null);
  }

  /** Opens the file's bytes; may be called more than once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
