package cn.wssp.portal.application;

import cn.wssp.integration.mail.MailException;
import cn.wssp.integration.mail.MailMessage;
import cn.wssp.integration.mail.Mailer;
import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.Job;
import cn.wssp.portal.domain.model.PortalMessage;
import cn.wssp.portal.domain.model.UserAccount;
import cn.wssp.portal.infrastructure.PortalResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Tells the applicant what happened, in the portal (站内消息), inside the caller's transaction. */
@ApplicationScoped
public class Notifications {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Clock clock;

  public static final String MAIL_JOB = "MAIL";

  @Inject
  PortalResources resources;

  /**
   * An in-portal message, and an e-mail when the applicant has an address and SMTP is
   * configured: sent by a job after the transaction commits, retried if the relay is down.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tellApplicant(Application app, String subject, String body) {
    Instant now = Instant.now(clock);
    PortalMessage message = new PortalMessage(app.applicant().id(), app.id(),
        subject + "（" + app.number() + "）", body, now);
    em.persist(message);
    if (app.applicant().email() != null && resources.mailer().isPresent()) {
      em.flush();
      em.persist(new Job(MAIL_JOB, message.id(), now));
    }
  }

  /** The MAIL job: e-mails one stored message to its user. */
  @Transactional
  public void mail(Long messageId) {
    PortalMessage m = em.find(PortalMessage.class, messageId);
    Mailer mailer = resources.mailer().orElse(null);
    if (m == null || mailer == null) {
      return;
    }
    UserAccount user = em.find(UserAccount.class, m.userId());
    try {
      mailer.send(new MailMessage(user.email(), "【网上审批】" + m.subject(),
          m.body() + "\n\n请登录网上审批门户查看详情：" + resources.settings().publicUrl()));
    } catch (MailException e) {
      throw new IllegalStateException(e.getMessage(), e); // the job is retried with back-off
    }
  }

  public List<PortalMessage> inbox(Actor actor) {
    return em.createQuery("select m from PortalMessage m where m.userId = :u order by m.id desc",
            PortalMessage.class)
        .setParameter("u", actor.userId()).setMaxResults(100).getResultList();
  }
}
