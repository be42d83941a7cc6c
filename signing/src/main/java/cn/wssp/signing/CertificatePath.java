package cn.wssp.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Builds and checks the path from a signing certificate to one of the verifier's trust anchors,
 * by hand rather than with {@code java.security.cert.CertPathValidator}: the checks are few and
 * explicit (each signature verified with the issuer's key, validity at the signing time, CA flags,
 * key usage for the purpose, revocation from the CRLs the document carries), and a failure says
 * which certificate failed and why.
 */
final class CertificatePath {

  /** What the end-entity certificate must be allowed to do. */
  enum Purpose {
    /** A seal: digitalSignature or nonRepudiation. */
    DOCUMENT_SIGNATURE,
    /** A timestamping unit: extended key usage id-kp-timeStamping. */
    TIMESTAMPING
  }

  private static final int MAX_DEPTH = 8;
  private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

  /** Kinds of failure, so the verifier can report a DSS sub-indication rather than a text. */
  enum Problem {
    NO_SIGNING_CERTIFICATE,
    WRONG_PURPOSE,
    EXPIRED,
    NOT_YET_VALID,
    NO_PATH_TO_ANCHOR,
    ISSUER_NOT_A_CA,
    REVOKED,
    PATH_TOO_LONG
  }

  /** The outcome: trusted, or the first problem and a reason for the log. */
  record Result(boolean trusted, Problem problem, String reason) {
    static Result ok() {
      return new Result(true, null, null);
    }

    static Result fail(Problem problem, String reason) {
      return new Result(false, problem, reason);
    }
  }

  private CertificatePath() {}

  /**
   * @param leaf the certificate that made the signature
   * @param pool certificates that may serve as intermediates (from the CMS and the DSS)
   * @param anchors the trust anchors
   * @param at the time at which every certificate must be valid
   * @param crls CRLs found in the document, used to detect revoked certificates
   */
  static Result check(
      X509Certificate leaf,
      Collection<X509Certificate> pool,
      List<X509Certificate> anchors,
      Date at,
      Purpose purpose,
      Collection<X509CRL> crls) {
    if (leaf == null) {
      return Result.fail(Problem.NO_SIGNING_CERTIFICATE, "no signing certificate");
    }
    Result usage = checkPurpose(leaf, purpose);
    if (!usage.trusted()) {
      return usage;
    }
    X509Certificate current = leaf;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (!validAt(current, at)) {
        return outOfValidity(current, at);
      }
      if (anchors.contains(current)) {
        return Result.ok();
      }
      X509Certificate anchor = findIssuer(current, anchors);
      if (anchor != null) {
        if (!validAt(anchor, at)) {
          return outOfValidity(anchor, at);
        }
        return revoked(current, anchor, crls, at)
            ? Result.fail(Problem.REVOKED, "certificate " + subject(current) + " is revoked")
            : Result.ok();
      }
      X509Certificate issuer = findIssuer(current, pool);
      if (issuer == null || issuer.equals(current)) {
        return Result.fail(Problem.NO_PATH_TO_ANCHOR, "no path from " + subject(leaf) + " to a trusted root (stuck at "
            + subject(current) + ")");
      }
      if (!isCa(issuer)) {
        return Result.fail(Problem.ISSUER_NOT_A_CA, "issuer " + subject(issuer) + " is not a CA");
      }
      if (revoked(current, issuer, crls, at)) {
        return Result.fail(Problem.REVOKED, "certificate " + subject(current) + " is revoked");
      }
      current = issuer;
    }
    return Result.fail(
        Problem.PATH_TOO_LONG, "certificate path from " + subject(leaf) + " is too long");
  }

  private static Result outOfValidity(X509Certificate certificate, Date at) {
    Problem problem = at.after(certificate.getNotAfter()) ? Problem.EXPIRED : Problem.NOT_YET_VALID;
    return Result.fail(
        problem, "certificate " + subject(certificate) + " is not valid at " + at.toInstant());
  }

  private static Result checkPurpose(X509Certificate leaf, Purpose purpose) {
    if (purpose == Purpose.DOCUMENT_SIGNATURE) {
      boolean[] keyUsage = leaf.getKeyUsage();
      // keyUsage bits: 0 digitalSignature, 1 nonRepudiation.
      if (keyUsage != null && !keyUsage[0] && !keyUsage[1]) {
        return Result.fail(
            Problem.WRONG_PURPOSE,
            "certificate " + subject(leaf) + " is not for signatures (key usage)");
      }
      return Result.ok();
    }
    try {
      List<String> extended = leaf.getExtendedKeyUsage();
      if (extended == null || !extended.contains(TIME_STAMPING)) {
        return Result.fail(
            Problem.WRONG_PURPOSE,
            "certificate " + subject(leaf) + " is not a timestamping certificate");
      }
      return Result.ok();
    } catch (CertificateParsingException e) {
      return Result.fail(
          Problem.WRONG_PURPOSE, "unreadable extended key usage in " + subject(leaf));
    }
  }

  /** An issuer whose name matches and whose key verifies the certificate's signature. */
  private static X509Certificate findIssuer(
      X509Certificate certificate, Collection<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && signedBy(certificate, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isCa(X509Certificate certificate) {
    boolean[] keyUsage = certificate.getKeyUsage();
    // keyUsage bit 5: keyCertSign.
    return certificate.getBasicConstraints() >= 0 && (keyUsage == null || keyUsage[5]);
  }

  private static boolean validAt(X509Certificate certificate, Date at) {
    return !at.before(certificate.getNotBefore()) && !at.after(certificate.getNotAfter());
  }

  /** Revoked before {@code at} according to a CRL that {@code issuer} really signed. */
  private static boolean revoked(
      X509Certificate certificate, X509Certificate issuer, Collection<X509CRL> crls, Date at) {
    for (X509CRL crl : crls) {
      if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        continue;
      }
      try {
        crl.verify(issuer.getPublicKey());
      } catch (GeneralSecurityException | RuntimeException e) {
        continue;
      }
      X509CRLEntry entry = crl.getRevokedCertificate(certificate);
      if (entry != null && !entry.getRevocationDate().after(at)) {
        return true;
      }
    }
    return false;
  }

  static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
