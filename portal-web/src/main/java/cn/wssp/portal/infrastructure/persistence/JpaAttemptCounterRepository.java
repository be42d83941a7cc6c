package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The throttle's counters in login_throttle, locked with SELECT ... FOR UPDATE so that the
 * instances sharing the database count every attempt once. A key's row is created on its first
 * attempt, in a transaction of its own, before it is locked: two first attempts of a new key at
 * the same instant (an office behind one address; found under load, where one of them answered
 * 500 on the primary key) then both lock the one row and queue like any other attempts.
 */
@ApplicationScoped
public class JpaAttemptCounterRepository implements AttemptCounterRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Rows rows;

  @Override
  public AttemptCounter lock(String key) {
    AttemptCounter c = em.find(AttemptCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (c != null) {
      return c;
    }
    try {
      rows.insertIfAbsent(key);
    } catch (RuntimeException insertedByAnother) {
      // The other attempt's insert won (unique key): its row is there to lock now.
    }
    c = em.find(AttemptCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
    return c != null ? c : new AttemptCounter(key);
  }

  /** Creates a key's row in a transaction of its own, committed before the caller locks it. */
  @ApplicationScoped
  public static class Rows {
    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertIfAbsent(String key) {
      em.createNativeQuery("INSERT INTO login_throttle (throttle_key, failures) SELECT ?1, 0"
              + " WHERE NOT EXISTS (SELECT 1 FROM login_throttle WHERE throttle_key = ?2)")
          .setParameter(1, key).setParameter(2, key).executeUpdate();
    }
  }

  @Override
  public void save(AttemptCounter counter) {
    if (!em.contains(counter)) {
      em.persist(counter);
    }
  }

  @Override
  public void remove(String key) {
    em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?1").setParameter(1, key)
        .executeUpdate();
  }
}
