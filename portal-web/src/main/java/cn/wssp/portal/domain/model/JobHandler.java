package cn.wssp.portal.domain.model;

/**
 * Does one kind of background work. The application layer implements it; the job runner in
 * infrastructure finds handlers by kind, so it never needs to know the use cases.
 */
public interface JobHandler {
  JobKind kind();

  /** Runs the job for the referenced row; an exception makes the runner retry later. */
  void run(Long refId);
}
