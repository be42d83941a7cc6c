package cn.wssp.signing;

/**
 * Why a signature or document did not pass, with the {@link Indication} it implies and a message
 * for people (Chinese, for the public verification page). Names follow ETSI EN 319 102-1 / EU
 * DSS where one fits; {@link #INVALID_TIMESTAMP}, {@link #NOT_COVERING_WHOLE_DOCUMENT} and
 * {@link #NO_SIGNATURE_FOUND} are this module's own.
 */
public enum SubIndication {
  /** Not a readable PDF, or a signature whose data or byte range is malformed. */
  FORMAT_FAILURE(Indication.TOTAL_FAILED, "文件格式错误：不是可读取的 PDF 文件，或签名数据不符合规范。"),
  /** The signed bytes no longer have the digest that was signed: the content was changed. */
  HASH_FAILURE(Indication.TOTAL_FAILED, "签名后文件内容被篡改：所签内容与签名时不一致。"),
  /** The digest matches but the signature value does not verify with the certificate's key. */
  SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED, "签名值校验失败：签名已损坏，或并非由所示印章证书的密钥生成。"),
  /** The signature carries a timestamp that is not about this signature or is damaged. */
  INVALID_TIMESTAMP(Indication.TOTAL_FAILED, "签名所附的时间戳与签名不符或已损坏。"),
  /** A certificate of the chain was revoked before the (timestamp-proven) signing time. */
  REVOKED(Indication.TOTAL_FAILED, "印章证书在签名时间之前已被吊销。"),
  /** A certificate of the chain had expired at the (timestamp-proven) signing time. */
  EXPIRED(Indication.TOTAL_FAILED, "签名时印章证书已过期。"),
  /** A certificate of the chain was not yet valid at the (timestamp-proven) signing time. */
  NOT_YET_VALID(Indication.TOTAL_FAILED, "签名时印章证书尚未生效。"),
  /**
   * The document was changed after signing in a way signatures do not permit (e.g. page content
   * painted over in a later revision), although each signature still verifies over its bytes.
   */
  NOT_COVERING_WHOLE_DOCUMENT(
      Indication.TOTAL_FAILED, "签名后文件被修改：签名之后追加了不允许的更改，所见内容可能与所签内容不同。"),
  /** A readable PDF without any signature. */
  NO_SIGNATURE_FOUND(Indication.TOTAL_FAILED, "文件中没有电子签章。"),
  /** The signature does not identify the certificate that made it. */
  NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE, "签名中找不到印章证书。"),
  /** The seal certificate does not lead to a trust anchor of the verifier (e.g. a foreign CA). */
  NO_CERTIFICATE_CHAIN_FOUND(
      Indication.INDETERMINATE, "无法确认印章来源：印章证书不是由本中心信任的证书机构签发的。"),
  /** A chain was found but breaks a rule: key usage, an issuer that is no CA, too long. */
  CHAIN_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "印章证书链不符合要求（证书用途或签发者不符）。"),
  /** A certificate is revoked, and no trusted timestamp proves the signature came before. */
  REVOKED_NO_POE(Indication.INDETERMINATE, "印章证书已被吊销，且没有可信时间戳证明签名早于吊销时间。"),
  /**
   * A certificate is outside its validity now, and no trusted timestamp proves when the signature
   * was made.
   */
  OUT_OF_BOUNDS_NO_POE(
      Indication.INDETERMINATE, "印章证书当前不在有效期内，且没有可信时间戳证明签名时证书有效。");

  private final Indication indication;
  private final String message;

  SubIndication(Indication indication, String message) {
    this.indication = indication;
    this.message = message;
  }

  /** TOTAL_FAILED or INDETERMINATE: what this reason means for the result. */
  public Indication indication() {
    return indication;
  }

  /** One sentence for people, in Chinese. */
  public String message() {
    return message;
  }
}
