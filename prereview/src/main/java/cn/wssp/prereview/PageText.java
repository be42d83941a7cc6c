package cn.wssp.prereview;

import java.io.Serializable;

/**
 * The text of one page of a file.
 *
 * @param page 1-based page number; 0 for a file without pages (Word, plain text)
 * @param text what was extracted or recognised
 * @param ocrConfidence mean word confidence (0–100) Tesseract reported when the text came from OCR;
 *     null when the file had the text itself
 */
public record PageText(int page, String text, Double ocrConfidence) implements Serializable {
  private static final long serialVersionUID = 1L;

  public boolean ocr() {
    return ocrConfidence != null;
  }
}
