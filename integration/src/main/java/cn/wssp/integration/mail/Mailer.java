package cn.wssp.integration.mail;

/** Sends notification e-mail (§8). The portal uses it only when an SMTP server is configured. */
public interface Mailer {
  void send(MailMessage message) throws MailException;
}
