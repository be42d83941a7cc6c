package cn.wssp.prereview;

/**
 * One thing the pre-review found.
 *
 * @param materialCode the material concerned, or null for the application as a whole
 * @param code machine-readable code
 * @param severity blocking or warning
 * @param message a human explanation in Chinese that names the material and says what to fix
 * @param evidence where it was seen (page, snippet, OCR confidence), or null
 */
public record Finding(String materialCode, FindingCode code, Severity severity, String message,
    Evidence evidence) {

  /** A finding without evidence. */
  public Finding(String materialCode, FindingCode code, Severity severity, String message) {
    this(materialCode, code, severity, message, null);
  }
}
