package cn.wssp.integration.mail;

/** The message could not be handed to the SMTP server; the caller may retry later. */
public class MailException extends Exception {
  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
