package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.Forwarding;
import cn.wssp.portal.domain.model.ForwardingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaForwardingRepository implements ForwardingRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<Forwarding> of(Long applicationId) {
    return em.createQuery("select f from Forwarding f where f.applicationId = :a", Forwarding.class)
        .setParameter("a", applicationId).getResultStream().findFirst();
  }

  @Override
  public void add(Forwarding forwarding) {
    em.persist(forwarding);
    em.flush();
  }
}
