package cn.wssp.signing;

/**
 * The main result of validating a signature or a document, as in ETSI EN 319 102-1 and EU DSS:
 * passed, failed for certain, or not decidable with what the document and the verifier have.
 */
public enum Indication {
  /** Every check passed. */
  TOTAL_PASSED,
  /** A check failed and no further data could change that (e.g. the content was changed). */
  TOTAL_FAILED,
  /**
   * Not proven either way, e.g. the seal certificate does not lead to a trusted root: the
   * document may be genuine for someone who trusts that root.
   */
  INDETERMINATE
}
