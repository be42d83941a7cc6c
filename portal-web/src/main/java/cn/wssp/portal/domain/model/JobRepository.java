package cn.wssp.portal.domain.model;

/** Background work waiting to be done (§9); the runner in infrastructure claims and runs it. */
public interface JobRepository {
  /** Queues a job in the caller's transaction: it runs only if the transaction commits. */
  void add(Job job);

  /**
   * How many jobs of {@code kind} are waiting up to and including the one for {@code refId}
   * (1: it is next); 0 when none is waiting for it (running, done, or never queued).
   */
  long waitingUpTo(JobKind kind, Long refId);
}
