package cn.wssp.signing;

import java.util.List;

/**
 * What an independent check of a PDF found.
 *
 * @param signed the PDF carries at least one signature
 * @param intact every signature covers its bytes and the last one covers the whole file
 * @param valid signed, intact, and every signature valid and chained to a trust anchor
 * @param documentNumber the document number recorded in the PDF's metadata, if any
 */
public record VerificationReport(
    boolean signed,
    boolean intact,
    boolean valid,
    String documentNumber,
    List<SignatureReport> signatures) {

  /**
   * One signature.
   *
   * @param fieldName the signature field
   * @param signer the seal certificate's subject CN
   * @param department the organisation (O or OU) of the seal certificate
   * @param signedAt ISO-8601 instant (from the timestamp when there is one, else the claimed time)
   * @param timestamped an RFC 3161 timestamp token is present and matches
   * @param coversWholeDocument the signature covers the entire file
   * @param intact the signed bytes are unchanged
   * @param trusted the certificate chains to a trust anchor given to the verifier
   * @param valid intact and trusted and cryptographically correct
   */
  public record SignatureReport(
      String fieldName,
      String signer,
      String department,
      String signedAt,
      boolean timestamped,
      boolean coversWholeDocument,
      boolean intact,
      boolean trusted,
      boolean valid) {}
}
