package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.NumberSequence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Named counters in the number_sequence table, safe with several instances. */
@ApplicationScoped
public class JpaNumberSequence implements NumberSequence {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public long next(String name) {
    lock(name);
    long value = ((Number) em.createNativeQuery(
            "SELECT next_value FROM number_sequence WHERE name = ?1")
        .setParameter(1, name).getSingleResult()).longValue();
    em.createNativeQuery("UPDATE number_sequence SET next_value = next_value + 1 WHERE name = ?1")
        .setParameter(1, name).executeUpdate();
    return value;
  }

  @jakarta.inject.Inject
  NumberSequenceRows rows;

  /**
   * Locks (creating if needed) the row of a named sequence until the transaction ends. The row
   * is created in a transaction of its own, so that two instances creating the same new row at
   * once both go on: the loser's insert fails on the key and it locks the winner's row.
   */
  void lock(String name) {
    if (touch(name) == 0) {
      try {
        rows.create(name);
      } catch (RuntimeException createdByAnother) {
        // The key exists now: a concurrent request created it, which is all that was needed.
      }
      if (touch(name) == 0) {
        throw new IllegalStateException("number sequence " + name + " could not be created");
      }
    }
  }

  private int touch(String name) {
    return em.createNativeQuery("UPDATE number_sequence SET next_value = next_value WHERE name = ?1")
        .setParameter(1, name).executeUpdate();
  }
}
