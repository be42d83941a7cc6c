package cn.wssp.portal.domain.model;

/** The kinds of background work in the job table (§9). */
public enum JobKind {
  /** The automatic completeness pre-review of a submitted application; ref = application id. */
  PRE_REVIEW,
  /** The pre-review of materials promised under a commitment, handed in after acceptance. */
  COMMITMENT_REVIEW,
  /** An e-mail copy of an in-portal message; ref = message id. */
  MAIL
}
