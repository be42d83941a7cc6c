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
 */
public record SubmittedFile(String materialCode, String fileName, long size, Content content) {

  /** Opens the file's bytes; may be called more than once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
