package cn.wssp.portal.domain.model;

/** Background work waiting to be done (§9); the runner in infrastructure claims and runs it. */
public interface JobRepository {
  /** Queues a job in the caller's transaction: it runs only if the transaction commits. */
  void add(Job job);
}
