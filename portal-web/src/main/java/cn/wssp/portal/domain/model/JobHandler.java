package cn.wssp.portal.domain.model;

/**
 * Does one kind of background work. The application layer implements it; the job runner in
 * infrastructure finds handlers by kind, so it never needs to know the use cases.
 */
public interface JobHandler {
  JobKind kind();

  /**
   * Runs the job for the referenced row, completing {@code lease} in the transaction that
   * commits the job's effects (or not at all when there turned out to be nothing to do). An
   * exception makes the runner retry later. Slow work (parsing files, talking to a mail relay)
   * happens outside any database transaction.
   */
  void run(Long refId, JobLease lease);

  default void run(Long refId) {
    run(refId, JobLease.NONE);
  }
}
