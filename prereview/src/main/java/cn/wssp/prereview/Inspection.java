package cn.wssp.prereview;

/**
 * Everything {@link ContentInspector} learnt of one file: the {@link FileFacts} shown in the result,
 * plus the flags and text the checks judge. No judgement is made here: the checks do that.
 *
 * @param facts type, pages, encryption, corruption, text length
 * @param size bytes actually read (at most the limit plus one)
 * @param empty the content had no bytes
 * @param overLimit the content is larger than the limit; it was neither kept nor parsed
 * @param contentType type detected from the bytes alone, without the name; null if not read
 * @param typeMismatch the content is not what the file name says (judged from the content)
 * @param hostile why the file is hostile, or null
 * @param hostileDetail what exactly: the program type, the ratio measured, the depth, ...
 * @param text extracted text (and OCR text), at most the configured number of characters
 * @param textTruncated the text stopped at that limit
 * @param ocr whether OCR was needed and what came of it
 * @param problem technical reason of a failure, for logs (never shown to applicants), or null
 * @param pageTexts the text page by page (OCR'd pages carry their confidence); one entry with page
 *     0 for files without pages; empty when nothing was read
 * @param signed a PDF carrying a digital signature (a signature field or a /ByteRange)
 * @param damage what is structurally wrong with a file that parsed at least partly (Chinese, shown
 *     to applicants: e.g. which pages could be read), or null when sound
 */
public record Inspection(
    FileFacts facts,
    long size,
    boolean empty,
    boolean overLimit,
    String contentType,
    boolean typeMismatch,
    Hostility hostile,
    String hostileDetail,
    String text,
    boolean textTruncated,
    OcrStatus ocr,
    String problem,
    java.util.List<PageText> pageTexts,
    boolean signed,
    String damage) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public Inspection {
    pageTexts = pageTexts == null ? java.util.List.of() : java.util.List.copyOf(pageTexts);
  }

  /** Kinds of hostile file (§4: zip bombs, decompression bombs, polyglots, executables). */
  public enum Hostility {
    /** The file itself is a program or script. */
    EXECUTABLE,
    /** A document or archive carrying a program or script inside. */
    EMBEDDED_EXECUTABLE,
    /** Expands far beyond its size: zip/gzip bomb, or an image of absurd pixel count. */
    DECOMPRESSION_BOMB,
    /** Archives nested deeper than any real material needs. */
    NESTING_TOO_DEEP,
    /** Shows one format but also carries a ZIP archive that zip readers would open. */
    POLYGLOT,
    /** Could not be examined within the time limit. */
    TIMEOUT,
    /** Examining it exhausted memory. */
    RESOURCE_EXHAUSTION
  }

  /** What came of OCR. */
  public enum OcrStatus {
    /** The file has its own text, or is not an image or scanned document. */
    NOT_NEEDED,
    /** Recognised; the text includes what OCR read. */
    DONE,
    /** Needed, but Tesseract (or its chi_sim/eng data) is not available. */
    UNAVAILABLE,
    /** Needed and tried, but it failed or ran out of time. */
    FAILED
  }

  /**
   * A file whose examination was given up (the worker JVM was killed at its deadline, ran out of
   * memory or died): nothing is known of it but that.
   */
  static Inspection abandoned(long size, Hostility why, String detail) {
    return new Inspection(new FileFacts(null, null, null, false, false, 0), size, false, false,
        null, false, why, detail, "", false, OcrStatus.NOT_NEEDED, null, java.util.List.of(),
        false, null);
  }

    /** The file was read and, unless hostile, parsed. */
  public boolean examined() {
    return !empty && !overLimit;
  }
}
