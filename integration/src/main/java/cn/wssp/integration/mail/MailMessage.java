package cn.wssp.integration.mail;

/** One plain-text message; Chinese subject and body are sent as UTF-8. */
public record MailMessage(String to, String subject, String body) {}
