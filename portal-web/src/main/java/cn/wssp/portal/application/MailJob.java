package cn.wssp.portal.application;

import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.integration.mail.MailException;
import cn.wssp.integration.mail.MailMessage;
import cn.wssp.integration.mail.Mailer;
import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The MAIL job: e-mails one stored in-portal message to its user (§8). */
@ApplicationScoped
public class MailJob implements JobHandler {
  @Inject
  MessageRepository messages;

  @Inject
  AccountRepository accounts;

  @Inject
  Mailer mailer;

  @Inject
  PortalProfile profile;

  @Override
  public JobKind kind() {
    return JobKind.MAIL;
  }

  @Inject
  InTransaction tx;

  /**
   * The message is read in a short transaction and sent outside any: a slow relay holds no
   * database connection. E-mail is at least once: an instance that dies between sending and
   * completing the job leaves it to be sent again after the lease.
   */
  @Override
  public void run(Long messageId, JobLease lease) {
    MailMessage mail = tx.call(() -> {
      PortalMessage m = messages.find(messageId).orElse(null);
      UserAccount user = m == null ? null : accounts.find(m.userId()).orElse(null);
      if (user == null || user.email() == null || !profile.mailConfigured()) {
        return null;
      }
      return new MailMessage(user.email(), "【网上审批】" + m.subject(),
          m.body() + "\n\n请登录网上审批门户查看详情：" + profile.publicUrl());
    });
    if (mail == null) {
      return;
    }
    try {
      mailer.send(mail);
    } catch (MailException e) {
      throw new IllegalStateException(e.getMessage(), e); // the job is retried with back-off
    }
    tx.run(lease::complete);
  }
}
