package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.AuditRepository;
import cn.wssp.portal.domain.model.AuditSearch;
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
  public ChainEnd lockChainEnd() {
    // The lock row serialises the linkers of all instances, so the chain never forks.
    sequences.lock("audit-chain");
    return em.createQuery("select a from AuditEntry a where a.chainPosition is not null"
            + " order by a.chainPosition desc", AuditEntry.class)
        .setMaxResults(1).getResultList().stream().findFirst()
        .map(last -> new ChainEnd(last.chainPosition(), last.hash())).orElse(ChainEnd.EMPTY);
  }

  /**
   * Written at once: the lines of one transaction then get their ids in the order they were
   * recorded (an application's trail and its tracking steps read them by id; inserted together
   * at commit, EclipseLink's order among them is its own: "办结" came before "准予许可").
   */
  @Override
  public void add(AuditEntry entry) {
    em.persist(entry);
    em.flush();
  }

  @Override
  public List<AuditEntry> unlinked(int max) {
    return em.createQuery("select a from AuditEntry a where a.chainPosition is null order by a.id",
            AuditEntry.class)
        .setMaxResults(max).getResultList();
  }

  @Override
  public boolean anyUnlinked() {
    return !em.createQuery("select a.id from AuditEntry a where a.chainPosition is null", Long.class)
        .setMaxResults(1).getResultList().isEmpty();
  }

  @Override
  public List<AuditEntry> ofApplication(Long applicationId) {
    return em.createQuery("select a from AuditEntry a where a.applicationId = :id order by a.id",
            AuditEntry.class)
        .setParameter("id", applicationId).getResultList();
  }

  @Override
  public List<AuditEntry> search(AuditSearch search, int offset, int limit) {
    var q = em.createQuery("select a from AuditEntry a" + where(search) + " order by a.id desc",
        AuditEntry.class);
    bind(q, search);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(AuditSearch search) {
    var q = em.createQuery("select count(a) from AuditEntry a" + where(search), Long.class);
    bind(q, search);
    return q.getSingleResult();
  }

  private static String where(AuditSearch s) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (s.action() != null) {
      w.append(" and a.action = :action");
    }
    if (s.actor() != null) {
      w.append(" and a.actor = :actor");
    }
    if (s.from() != null) {
      w.append(" and a.at >= :from");
    }
    if (s.to() != null) {
      w.append(" and a.at < :to");
    }
    return w.toString();
  }

  private static void bind(jakarta.persistence.TypedQuery<?> q, AuditSearch s) {
    if (s.action() != null) {
      q.setParameter("action", s.action());
    }
    if (s.actor() != null) {
      q.setParameter("actor", s.actor());
    }
    if (s.from() != null) {
      q.setParameter("from", s.from());
    }
    if (s.to() != null) {
      q.setParameter("to", s.to());
    }
  }

  @Override
  public void forEach(Consumer<AuditEntry> visitor) {
    long after = -1;
    while (true) {
      List<AuditEntry> page = em.createQuery(
              "select a from AuditEntry a where a.chainPosition > :after order by a.chainPosition",
              AuditEntry.class)
          .setParameter("after", after).setMaxResults(PAGE).getResultList();
      page.forEach(visitor);
      if (page.size() < PAGE) {
        return;
      }
      after = page.get(page.size() - 1).chainPosition();
      em.clear(); // keep the persistence context small on a long log
    }
  }
}
