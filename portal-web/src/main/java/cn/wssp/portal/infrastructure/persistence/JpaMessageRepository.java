package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.MessageRepository;
import cn.wssp.portal.domain.model.PortalMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public PortalMessage add(PortalMessage message) {
    em.persist(message);
    em.flush();
    return message;
  }

  @Override
  public Optional<PortalMessage> find(Long id) {
    return Optional.ofNullable(em.find(PortalMessage.class, id));
  }

  @Override
  public List<PortalMessage> inbox(Long userId, int max) {
    return em.createQuery("select m from PortalMessage m where m.userId = :u order by m.id desc",
            PortalMessage.class)
        .setParameter("u", userId).setMaxResults(max).getResultList();
  }

  @Override
  public List<PortalMessage> page(Long userId, int page, int size) {
    return em.createQuery("select m from PortalMessage m where m.userId = :u order by m.id desc",
            PortalMessage.class)
        .setParameter("u", userId).setFirstResult(page * size).setMaxResults(size).getResultList();
  }

  @Override
  public long count(Long userId) {
    return em.createQuery("select count(m) from PortalMessage m where m.userId = :u", Long.class)
        .setParameter("u", userId).getSingleResult();
  }

  @Override
  public long unread(Long userId) {
    return em.createQuery("select count(m) from PortalMessage m where m.userId = :u"
            + " and m.readAt is null", Long.class)
        .setParameter("u", userId).getSingleResult();
  }

  @Override
  public int markAllRead(Long userId, java.time.Instant at) {
    return em.createQuery("update PortalMessage m set m.readAt = :at where m.userId = :u"
            + " and m.readAt is null")
        .setParameter("at", at).setParameter("u", userId).executeUpdate();
  }
}
