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
}
