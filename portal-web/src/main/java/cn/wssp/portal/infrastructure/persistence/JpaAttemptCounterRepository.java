package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The throttle's counters in login_throttle, locked with SELECT ... FOR UPDATE so that the
 * instances sharing the database count every attempt once. (Two first failures of a new key at
 * the same instant may collide on the primary key; one of them then fails with an error.)
 */
@ApplicationScoped
public class JpaAttemptCounterRepository implements AttemptCounterRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public AttemptCounter lock(String key) {
    AttemptCounter c = em.find(AttemptCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
    return c != null ? c : new AttemptCounter(key);
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
