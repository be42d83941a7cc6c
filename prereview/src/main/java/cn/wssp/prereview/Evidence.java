package cn.wssp.prereview;

import java.io.Serializable;

/**
 * Where a finding was seen.
 *
 * @param page 1-based page, or null (a file without pages, or a finding about what is absent)
 * @param snippet the text around the match, at most 80 characters, or null
 * @param ocrConfidence Tesseract's mean word confidence (0–100) of the page when OCR produced the
 *     text, or null
 */
public record Evidence(Integer page, String snippet, Double ocrConfidence) implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int MAX_SNIPPET = 80;

  public Evidence {
    if (snippet != null && snippet.length() > MAX_SNIPPET) {
      snippet = snippet.substring(0, MAX_SNIPPET);
    }
  }
}
