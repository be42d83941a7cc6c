package cn.wssp.portal.domain.model;

/** The shared failure counters of the login and verification throttles. */
public interface AttemptCounterRepository {
  /**
   * The counter of a key, locked against other instances until the transaction ends; a new,
   * unsaved counter when the key has none.
   */
  AttemptCounter lock(String key);

  /** Stores a counter (new or changed). */
  void save(AttemptCounter counter);

  /** Forgets a key's failures (after a successful login). */
  void remove(String key);
}
