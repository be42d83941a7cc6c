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

  /**
   * Locks (creating if needed) the row of a named sequence until the transaction ends. Two
   * instances creating the same new row at once: one fails on the key and its request is retried
   * by the user; it happens once per sequence and year.
   */
  void lock(String name) {
    int updated = em.createNativeQuery(
            "UPDATE number_sequence SET next_value = next_value WHERE name = ?1")
        .setParameter(1, name).executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("INSERT INTO number_sequence(name, next_value) VALUES (?1, 1)")
          .setParameter(1, name).executeUpdate();
    }
  }
}
