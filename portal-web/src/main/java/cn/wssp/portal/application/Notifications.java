package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.PortalMessage;
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

  @Transactional(Transactional.TxType.MANDATORY)
  public void tellApplicant(Application app, String subject, String body) {
    em.persist(new PortalMessage(app.applicant().id(), app.id(),
        subject + "（" + app.number() + "）", body, Instant.now(clock)));
  }

  public List<PortalMessage> inbox(Actor actor) {
    return em.createQuery("select m from PortalMessage m where m.userId = :u order by m.id desc",
            PortalMessage.class)
        .setParameter("u", actor.userId()).setMaxResults(100).getResultList();
  }
}
