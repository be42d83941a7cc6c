package cn.wssp.portal.domain.model;

/**
 * The claim a runner holds on a job. A handler calls {@link #complete()} inside the transaction
 * that writes the job's effects: the effects and the job's completion commit together, and if the
 * lease was lost meanwhile (the job outlived it and another instance took it over) the completion
 * fails and the effects roll back, so a job's work is committed once.
 */
@FunctionalInterface
public interface JobLease {
  /** For a handler run outside the job table (service tests, a direct call). */
  JobLease NONE = () -> {};

  void complete();
}
