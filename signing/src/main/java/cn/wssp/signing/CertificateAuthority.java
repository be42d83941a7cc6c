package cn.wssp.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CRLException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The center's CA as an issuer: holds the root and issuing CA keys in memory and decides what
 * to issue — names, lifetimes, when a seal is due for renewal — and signs CRLs. It never touches
 * the disk ({@link PkiKeyStore} does); the Bouncy Castle details are in {@link CertificateIssuer}.
 * Thread-safe.
 */
final class CertificateAuthority {

  /**
   * The CA's own keys: what {@link PkiKeyStore} keeps in {@code ca.p12}. {@code rootKey} is null
   * while the root is offline.
   */
  record Keys(
      X509Certificate root, PrivateKey rootKey, X509Certificate issuing, PrivateKey issuingKey) {}

  private static final int ROOT_YEARS = 20;
  private static final int ISSUING_YEARS = 10;
  private static final int SEAL_YEARS = 5;
  /** Five years, counted in days (1826, leap days included) like the CRLs' validity. */
  private static final Duration TSA_VALIDITY = Duration.ofDays(5 * 365 + 1);
  /** A seal this close to expiry is renewed, so no document is signed with a dying certificate. */
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(30);
  private static final Duration CRL_VALIDITY = Duration.ofDays(7);
  private static final Duration CRL_REISSUE_AFTER = Duration.ofHours(1);

  /** Until the next key ceremony: the root's CRL must be renewed with the root key within a year. */
  private static final Duration OFFLINE_ROOT_CRL_VALIDITY = Duration.ofDays(365);

  private final Keys keys;
  private volatile byte[] offlineRootCrl;
  private final Map<String, IssuedCrl> crlCache = new ConcurrentHashMap<>();

  private record IssuedCrl(byte[] der, Instant issuedAt) {}

  CertificateAuthority(Keys keys) {
    this.keys = keys;
  }

  /**
   * A new root (20 years) named "&lt;centerName&gt; 根证书" and an issuing CA (10 years) below it,
   * with fresh keys.
   */
  static CertificateAuthority createNew(String centerName) throws SigningException {
    KeyPair rootKeys = CertificateIssuer.newKeyPair();
    X509Certificate root =
        CertificateIssuer.selfSignedRoot(
            CertificateIssuer.name(centerName + " 根证书", centerName, null), rootKeys, ROOT_YEARS);
    KeyPair issuingKeys = CertificateIssuer.newKeyPair();
    X509Certificate issuing =
        CertificateIssuer.issuingCa(
            CertificateIssuer.name(centerName + " 电子印章签发证书", centerName, null),
            issuingKeys.getPublic(),
            root,
            rootKeys.getPrivate(),
            ISSUING_YEARS);
    return new CertificateAuthority(
        new Keys(root, rootKeys.getPrivate(), issuing, issuingKeys.getPrivate()));
  }

  Keys keys() {
    return keys;
  }

  X509Certificate root() {
    return keys.root();
  }

  X509Certificate issuing() {
    return keys.issuing();
  }

  /**
   * The certificate of a seal with subject CN="&lt;holderName&gt; &lt;title&gt;", O=holderName,
   * OU=code, issued by the issuing CA for 5 years for {@code publicKey} (its private key lives in
   * a key store or an HSM, never here), naming {@code endpoints} (null: none).
   */
  X509Certificate certifySeal(
      String code, String holderName, String title, PkiEndpoints endpoints, PublicKey publicKey)
      throws SigningException {
    return CertificateIssuer.seal(
        CertificateIssuer.name(holderName + " " + title, holderName, code),
        publicKey,
        keys.issuing(),
        keys.issuingKey(),
        SEAL_YEARS,
        endpoints);
  }

  /** The seal certificate with the issuing CA and the root behind it. */
  List<X509Certificate> chainOf(X509Certificate endEntity) {
    return List.of(endEntity, keys.issuing(), keys.root());
  }

  /** A new timestamping unit named "&lt;center&gt; 时间戳服务" (EKU timeStamping, 5 years). */
  Pkcs12SealToken issueTimestampUnit() throws SigningException {
    return issueTimestampUnit(TSA_VALIDITY);
  }

  /**
   * The latest end a timestamping unit certified now can have: its five years, or the issuing
   * CA's own end, whichever comes first.
   */
  Instant timestampUnitReach() {
    Instant full = Instant.now().plus(TSA_VALIDITY);
    Instant issuingEnds = keys.issuing().getNotAfter().toInstant();
    return full.isBefore(issuingEnds) ? full : issuingEnds;
  }

  /** As {@link #issueTimestampUnit()}, valid for {@code validity} (capped by the issuing CA). */
  Pkcs12SealToken issueTimestampUnit(Duration validity) throws SigningException {
    KeyPair pair = CertificateIssuer.newKeyPair();
    String center = centerName();
    X509Certificate certificate =
        CertificateIssuer.timestampUnit(
            CertificateIssuer.name(center + " 时间戳服务", center, null),
            pair.getPublic(),
            keys.issuing(),
            keys.issuingKey(),
            validity);
    return new Pkcs12SealToken(pair.getPrivate(), chainOf(certificate));
  }

  /**
   * Whether a stored seal can still be used for this department: it must show the department's
   * current name (a seal shows the organ that uses it), carry its code, come from this CA and
   * not expire within 30 days.
   */
  boolean sealStillFits(X509Certificate seal, String departmentCode, String departmentName) {
    return departmentName.equals(Certificates.attribute(seal, BCStyle.O))
        && departmentCode.equals(Certificates.attribute(seal, BCStyle.OU))
        && issuedHereAndNotExpiring(seal);
  }

  /**
   * As {@link #sealStillFits(X509Certificate, String, String)}, and besides: not revoked, and,
   * when the portal publishes certificate status, naming that OCSP responder (seals issued before
   * the responder existed are replaced, so every new signature can be checked online).
   */
  boolean sealStillFits(
      X509Certificate seal,
      String code,
      String holderName,
      PkiEndpoints endpoints,
      Map<BigInteger, Instant> revoked) {
    return sealStillFits(seal, code, holderName)
        && !revoked.containsKey(seal.getSerialNumber())
        && (endpoints == null || endpoints.ocspUrl().equals(Certificates.ocspUrl(seal)));
  }

  /** Issued by the current issuing CA and valid beyond the renewal margin. */
  boolean issuedHereAndNotExpiring(X509Certificate certificate) {
    Instant renewAt = Instant.now().plus(RENEW_BEFORE_EXPIRY);
    return certificate.getNotAfter().toInstant().isAfter(renewAt)
        && Certificates.issuedBy(certificate, keys.issuing());
  }

  /**
   * Current CRLs for {@code certificate}'s issuer when that issuer is this CA (the issuing CA for
   * seals and the TSA, the root for the issuing CA); nothing for the root itself or for foreign
   * certificates. The issuing CA's CRL lists the revoked seals.
   */
  List<byte[]> crlsFor(X509Certificate certificate) throws SigningException {
    return crlsFor(certificate, Map.of());
  }

  /** As {@link #crlsFor(X509Certificate)}, the issuing CA's CRL listing {@code revoked}. */
  List<byte[]> crlsFor(X509Certificate certificate, Map<BigInteger, Instant> revoked)
      throws SigningException {
    if (certificate == null || certificate.equals(keys.root())) {
      return List.of();
    }
    if (Certificates.issuedBy(certificate, keys.issuing())) {
      return List.of(crl("issuing", keys.issuing(), keys.issuingKey(), revoked));
    }
    if (Certificates.issuedBy(certificate, keys.root())) {
      if (keys.rootKey() == null) {
        return offlineRootCrl == null ? List.of() : List.of(offlineRootCrl.clone());
      }
      return List.of(crl("root", keys.root(), keys.rootKey(), Map.of()));
    }
    return List.of();
  }

  /** Whether the root key is at hand (it is needed only to certify an issuing CA and for CRLs). */
  boolean rootOnline() {
    return keys.rootKey() != null;
  }

  /**
   * The root's CRL over the issuing CA with a long validity, to keep for when the root key is
   * taken offline (as an offline root's CRL is issued at each key ceremony).
   */
  byte[] longLivedRootCrl() throws SigningException {
    try {
      return CertificateIssuer.crl(keys.root(), keys.rootKey(), OFFLINE_ROOT_CRL_VALIDITY, Map.of())
          .getEncoded();
    } catch (CRLException e) {
      throw new SigningException("cannot encode the root CRL", e);
    }
  }

  /** The CRL served for the issuing CA while the root key is offline. */
  void useOfflineRootCrl(byte[] der) {
    this.offlineRootCrl = der;
  }

  /** The issuing CA's current CRL. */
  byte[] issuingCrl(Map<BigInteger, Instant> revoked) throws SigningException {
    return crl("issuing", keys.issuing(), keys.issuingKey(), revoked);
  }

  /**
   * Whether this CA can issue right now: its issuing certificate is within its validity and its
   * key produces a signature that the certificate's public key verifies.
   */
  boolean isUsable() {
    try {
      keys.issuing().checkValidity();
      byte[] probe = ("wssp-probe-" + Instant.now()).getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(CertificateIssuer.SIGNATURE_ALGORITHM);
      signer.initSign(keys.issuingKey());
      signer.update(probe);
      byte[] value = signer.sign();
      Signature verifier = Signature.getInstance(CertificateIssuer.SIGNATURE_ALGORITHM);
      verifier.initVerify(keys.issuing().getPublicKey());
      verifier.update(probe);
      return verifier.verify(value);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The center's name as given when the CA was created (the root's O, else its CN). */
  private String centerName() {
    String organisation = Certificates.attribute(keys.root(), BCStyle.O);
    return organisation != null ? organisation : Certificates.attribute(keys.root(), BCStyle.CN);
  }

  /** CRLs are reused for an hour: a CRL per signature would be wasted RSA work. */
  private byte[] crl(
      String name, X509Certificate issuer, PrivateKey key, Map<BigInteger, Instant> revoked)
      throws SigningException {
    // A revocation makes a new CRL at once: the cache key changes with the revoked set.
    String cacheKey = name + "/" + revoked.keySet();
    IssuedCrl cached = crlCache.get(cacheKey);
    if (cached != null && cached.issuedAt().plus(CRL_REISSUE_AFTER).isAfter(Instant.now())) {
      return cached.der().clone();
    }
    try {
      IssuedCrl fresh =
          new IssuedCrl(
              CertificateIssuer.crl(issuer, key, CRL_VALIDITY, revoked).getEncoded(),
              Instant.now());
      crlCache.put(cacheKey, fresh);
      return fresh.der().clone();
    } catch (CRLException e) {
      throw new SigningException("cannot encode the CRL", e);
    }
  }
}
