package cn.wssp.portal.domain.model;

import java.util.Optional;

/** The shared failure counters of the login and verification throttles. */
public interface AttemptCounterRepository {
  /**
   * Makes sure a key has a counter, outside any transaction and tolerating another instance
   * creating it at the same moment, so that {@link #lock} always has a row to lock.
   */
  void createIfAbsent(String key);

  /**
   * The counter of a key, locked against other instances until the transaction ends; empty when
   * the key has none (it was cleared since {@link #createIfAbsent}).
   */
  Optional<AttemptCounter> lock(String key);

  /** Stores a changed counter. */
  void save(AttemptCounter counter);

  /** Forgets a key's counter (after a successful login left nothing to count). */
  void remove(String key);
}
