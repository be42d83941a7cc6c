package cn.wssp.signing;

/**
 * Where RFC 3161 timestamps come from: the portal's {@link InternalTimestampAuthority} in the
 * embedded default, a licensed TSA in production. Kept independent of iText so that callers do
 * not depend on the PDF library.
 */
public interface TimestampSource {

  /**
   * Returns a DER-encoded RFC 3161 TimeStampToken (a CMS SignedData) over the given imprint.
   *
   * @param sha256Imprint the SHA-256 digest of the data to timestamp (for PAdES: the signature
   *     value)
   */
  byte[] timestampToken(byte[] sha256Imprint) throws SigningException;

  /** Bytes to reserve in the PDF for one token, including the TSA's certificates. */
  default int tokenSizeEstimate() {
    return 8192;
  }
}
