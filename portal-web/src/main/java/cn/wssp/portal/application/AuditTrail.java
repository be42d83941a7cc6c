package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Appends to the hash-chained audit log (§3), inside the caller's transaction. */
@ApplicationScoped
public class AuditTrail {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Numbers numbers;

  @Inject
  Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry record(Actor actor, Long applicationId, String action,
      ApplicationStatus from, ApplicationStatus to, String detail) {
    // The lock row serialises appends across instances, so the chain never forks.
    numbers.lock("audit-chain");
    List<String> last = em.createQuery(
            "select a.hash from AuditEntry a order by a.id desc", String.class)
        .setMaxResults(1).getResultList();
    String prev = last.isEmpty() ? AuditEntry.GENESIS : last.get(0);
    AuditEntry entry = new AuditEntry(Instant.now(clock), actor.username(), applicationId, action,
        from == null ? null : from.name(), to == null ? null : to.name(), detail, prev);
    em.persist(entry);
    return entry;
  }

  public List<AuditEntry> forApplication(Long applicationId) {
    return em.createQuery("select a from AuditEntry a where a.applicationId = :id order by a.id",
            AuditEntry.class)
        .setParameter("id", applicationId).getResultList();
  }

  /** Walks the whole chain; returns the id of the first broken entry, or null if intact. */
  public Long firstBrokenEntry() {
    String prev = AuditEntry.GENESIS;
    for (AuditEntry e : em.createQuery("select a from AuditEntry a order by a.id", AuditEntry.class)
        .getResultList()) {
      if (!e.prevHash().equals(prev) || !e.computeHash().equals(e.hash())) {
        return e.id();
      }
      prev = e.hash();
    }
    return null;
  }
}
