package cn.wssp.prereview;

/** The pre-review's proposal to the window clerk (§4). */
public enum Verdict {
  COMPLETE,
  /** Only commitable (容缺) materials are missing or defective. */
  COMPLETE_WITH_COMMITMENT,
  INCOMPLETE
}
