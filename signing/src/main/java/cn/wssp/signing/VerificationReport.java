package cn.wssp.signing;

import java.util.List;

/**
 * What an independent check of a PDF found.
 *
 * @param signed the PDF carries at least one signature
 * @param intact every signature covers its bytes and the last one covers the whole file
 * @param valid signed, intact, and every signature valid and chained to a trust anchor
 * @param documentNumber the document number recorded in the PDF's metadata, if any
 * @param signatures one report per signature, in signing order
 * @param indication the document's result: TOTAL_PASSED exactly when {@code valid}
 * @param subIndication why it did not pass (null when passed): the first signature that failed
 *     for certain, else a forbidden change after signing, else the first indeterminate signature;
 *     for an unsigned PDF {@link SubIndication#NO_SIGNATURE_FOUND}, for input that is not a
 *     readable PDF {@link SubIndication#FORMAT_FAILURE}
 * @param message the result in one Chinese sentence, for people
 */
public record VerificationReport(
    boolean signed,
    boolean intact,
    boolean valid,
    String documentNumber,
    List<SignatureReport> signatures,
    Indication indication,
    SubIndication subIndication,
    String message) {

  /** Message of a document whose signatures all passed and that was not changed after signing. */
  public static final String PASSED_MESSAGE = "文件有效：全部签章有效，签章后文件未被修改。";

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
   * @param validationData the document carries revocation data (OCSP response or CRL) for the
   *     signing certificate in its document security store: verifiable later without asking
   *     the CA (PAdES B-LT)
   * @param algorithm the seal's algorithm, e.g. "RSA/SHA-256" or "SM2/SM3"; null if unknown
   * @param indication this signature's result: TOTAL_PASSED exactly when {@code valid}
   * @param subIndication why it did not pass, null when it passed
   * @param message the result in one Chinese sentence, for people
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
      boolean valid,
      boolean validationData,
      String algorithm,
      Indication indication,
      SubIndication subIndication,
      String message) {

    /** Message of a signature that passed. */
    public static final String PASSED_MESSAGE = "签章有效：所签内容未被修改，印章证书由受信任的机构签发。";
  }
}
