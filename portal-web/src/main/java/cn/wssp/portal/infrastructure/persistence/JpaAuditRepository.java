package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Consumer;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {
  private static final int PAGE = 500;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  JpaNumberSequence sequences;

  @Override
  public String lockAndGetLastHash() {
    // The lock row serialises appends across instances, so the chain never forks.
    sequences.lock("audit-chain");
    return em.createQuery("select a.hash from AuditEntry a order by a.id desc", String.class)
        .setMaxResults(1).getResultList().stream().findFirst().orElse(AuditEntry.GENESIS);
  }

  @Override
  public void add(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> ofApplication(Long applicationId) {
    return em.createQuery("select a from AuditEntry a where a.applicationId = :id order by a.id",
            AuditEntry.class)
        .setParameter("id", applicationId).getResultList();
  }

  @Override
  public void forEach(Consumer<AuditEntry> visitor) {
    long after = -1;
    while (true) {
      List<AuditEntry> page = em.createQuery(
              "select a from AuditEntry a where a.id > :after order by a.id", AuditEntry.class)
          .setParameter("after", after).setMaxResults(PAGE).getResultList();
      page.forEach(visitor);
      if (page.size() < PAGE) {
        return;
      }
      after = page.get(page.size() - 1).id();
      em.clear(); // keep the persistence context small on a long log
    }
  }
}
