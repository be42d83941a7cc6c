package cn.wssp.signing;

/** A seal, certificate, signature or PDF could not be made or read. */
public class SigningException extends Exception {
  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
