package cn.wssp.portal.domain.service;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.signing.SealInfo;
import cn.wssp.signing.SignatureRequest;
import cn.wssp.signing.SigningException;
import cn.wssp.signing.VerificationReport;
import java.util.List;

/**
 * The electronic seals (§6) as the use cases see them: a department's 行政许可专用章 on decisions,
 * the center's own 受理专用章 on the window's notices; apply one to a PDF, check a PDF's
 * signatures, publish the trust anchors, list and revoke seal certificates. Where the keys live (PKCS#12 files,
 * an HSM) and how timestamps and revocation data are fetched is infrastructure's business.
 */
public interface Seals {
  /** The PDF with the department's seal added as a PAdES B-LT signature. */
  byte[] apply(byte[] pdf, Department department, SignatureRequest request)
      throws SigningException;

  /** The PDF with the center's own seal (受理专用章) added as a PAdES B-LT signature. */
  byte[] applyCenterSeal(byte[] pdf, SignatureRequest request) throws SigningException;

  /** Every seal certificate issued (current, replaced, revoked), newest first. */
  List<SealInfo> list() throws SigningException;

  /**
   * Makes sure {@code department} has a current seal of the algorithm it chose: creates it, or
   * re-keys it after the department changed algorithm.
   */
  void ensureSeal(Department department) throws SigningException;

  /**
   * Revokes seal certificate {@code id} and issues its holder a new seal (re-key).
   *
   * @return the revoked seal, or null if there is none with that id
   */
  SealInfo revoke(String id) throws SigningException;

  /**
   * When a signed PDF's evidence needs renewing: the earliest expiry among the certificates of
   * its newest timestamp; empty when it carries no timestamp.
   */
  java.util.Optional<java.time.Instant> archiveRenewalDue(byte[] pdf) throws SigningException;

  /**
   * The PDF extended by an archive timestamp (PAdES B-LTA): validation data of the newest
   * timestamp, a new document timestamp, and its validation data.
   */
  byte[] extendForArchive(byte[] pdf) throws SigningException;

  /**
   * Renews the timestamping unit's certificate (new key) if it ends before {@code mustOutlive}
   * and a new one would end later, then returns the earliest expiry in the chain of the unit
   * that makes archive timestamps now: a renewal helps only a document whose evidence expires
   * before that.
   */
  java.time.Instant renewTimestampUnitIfEndsBefore(java.time.Instant mustOutlive)
      throws SigningException;

  /** An independent check of a PDF's signatures against the portal's trust anchors. */
  VerificationReport verify(byte[] pdf);

  /** The root certificate(s) every seal chains to, PEM-encoded. */
  String rootCertificatesPem();

  /** The issuing CA's certificate (PEM): the issuer of every seal, for OCSP clients. */
  String issuingCertificatePem();

  /** The issuing CA's current CRL (DER), listing the revoked seals. */
  byte[] issuingCrl() throws SigningException;

  /** The OCSP responder's DER answer (RFC 6960) to a DER request about a seal's status. */
  byte[] ocspResponse(byte[] request) throws SigningException;
}
