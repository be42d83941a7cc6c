package cn.wssp.portal.domain.model;

/** Named counters shared by every instance (application and document numbers). */
public interface NumberSequence {
  /** The next value of the named sequence (1 for a new one), locked until the transaction ends. */
  long next(String name);
}
