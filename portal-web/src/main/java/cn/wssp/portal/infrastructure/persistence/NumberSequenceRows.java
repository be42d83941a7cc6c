package cn.wssp.portal.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates a sequence's row in a transaction of its own: when two instances create the same new
 * row at once, one insert fails on the key and only that small transaction rolls back; the
 * caller's transaction goes on and locks the row the other one made.
 */
@ApplicationScoped
public class NumberSequenceRows {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void create(String name) {
    em.createNativeQuery("INSERT INTO number_sequence(name, next_value) VALUES (?1, 1)")
        .setParameter(1, name).executeUpdate();
  }
}
