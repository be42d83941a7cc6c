package cn.wssp.portal.application;

import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Tells the applicant what happened, in the portal (站内消息), inside the caller's transaction. */
@ApplicationScoped
public class Notifications {
  @Inject
  MessageRepository messages;

  @Inject
  JobRepository jobs;

  @Inject
  PortalProfile profile;

  @Inject
  Clock clock;

  /**
   * An in-portal message, and an e-mail when the applicant has an address and SMTP is
   * configured: sent by a job after the transaction commits, retried if the relay is down.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tellApplicant(Application app, String subject, String body) {
    Instant now = Instant.now(clock);
    PortalMessage message = messages.add(new PortalMessage(app.applicant().id(), app.id(),
        subject + "（" + app.number() + "）", body, now));
    if (app.applicant().email() != null && profile.mailConfigured()) {
      jobs.add(new Job(JobKind.MAIL, message.id(), now));
    }
  }

  /** An in-portal message to a member of staff about an application (e.g. 抄告). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tellStaff(UserAccount staff, Application app, String subject, String body) {
    messages.add(new PortalMessage(staff.id(), app.id(), subject + "（" + app.number() + "）", body,
        Instant.now(clock)));
  }

  public List<PortalMessage> inbox(Actor actor) {
    return messages.inbox(actor.userId(), 100);
  }
}
