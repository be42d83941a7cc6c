package cn.wssp.signing;

import java.time.Instant;

/**
 * One seal certificate the center's CA issued, as the administrators see it.
 *
 * @param id the serial number in lower-case hex (stable, unique within the CA)
 * @param holderCode the department's code, or {@link SealAuthority#CENTER_CODE} for the center
 * @param holderName the department's (or center's) name on the certificate
 * @param title 行政许可专用章 or 受理专用章
 * @param serialNumber the serial number in upper-case hex, as openssl prints it
 * @param notAfter end of the certificate's validity
 * @param status {@link Status}
 */
public record SealInfo(
    String id,
    String holderCode,
    String holderName,
    String title,
    String serialNumber,
    Instant notAfter,
    Status status,
    Instant revokedAt) {

  public enum Status {
    /** The seal the portal signs with now. */
    ACTIVE,
    /** Replaced by a newer seal (renamed department, renewal), never revoked. */
    SUPERSEDED,
    /** Revoked: OCSP and the CRL say so; it can no longer sign. */
    REVOKED,
    /** Past its validity. */
    EXPIRED
  }
}
