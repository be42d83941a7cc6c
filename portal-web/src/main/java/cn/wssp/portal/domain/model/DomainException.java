package cn.wssp.portal.domain.model;

/**
 * A business rule refused an action. {@code code} is the API's error code; the message is for
 * the user, in Chinese (the API's language), and may be given in English too for the pages shown
 * in English ({@link #inEnglish}); pages say a refusal without one by its code.
 */
public class DomainException extends RuntimeException {
  private final String code;
  private final int status;
  private String english;

  public DomainException(String code, int status, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  /** The same refusal in English, written where it is raised (the details are known there). */
  public DomainException inEnglish(String message) {
    this.english = message;
    return this;
  }

  /** The refusal in English, or null when none was written. */
  public String english() {
    return english;
  }

  public String code() {
    return code;
  }

  /** The HTTP status that fits: 400 invalid, 403 forbidden, 404 not found, 409 conflict. */
  public int status() {
    return status;
  }

  public static DomainException notFound(String what) {
    return new DomainException("NOT_FOUND", 404, what + "不存在或您无权查看。");
  }

  public static DomainException forbidden(String message) {
    return new DomainException("FORBIDDEN", 403, message);
  }

  public static DomainException invalid(String message) {
    return new DomainException("INVALID_INPUT", 400, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException("INVALID_STATE", 409, message);
  }
}
