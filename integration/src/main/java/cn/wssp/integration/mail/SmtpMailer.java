package cn.wssp.integration.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/**
 * Jakarta Mail over plain SMTP to a relay of the center's (host and port from configuration).
 * The application server supplies the Jakarta Mail implementation.
 */
public final class SmtpMailer implements Mailer {
  private final Session session;
  private final String from;
  private final String server;

  public SmtpMailer(String host, int port, String from) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host);
    p.setProperty("mail.smtp.port", String.valueOf(port));
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "10000");
    p.setProperty("mail.smtp.writetimeout", "10000");
    this.session = Session.getInstance(p);
    this.from = from;
    this.server = host + ":" + port;
  }

  @Override
  public void send(MailMessage message) throws MailException {
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(new InternetAddress(from));
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
      mime.setSubject(message.subject(), "UTF-8");
      mime.setText(message.body(), "UTF-8");
      mime.setSentDate(new Date());
      Transport.send(mime);
    } catch (MessagingException e) {
      throw new MailException("邮件发送失败（" + server + "，收件人 " + message.to() + "）：" + e.getMessage(), e);
    }
  }
}
