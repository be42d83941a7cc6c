package cn.wssp.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the keys, certificates and CRLs of the center's internal PKI with Bouncy Castle. Plain
 * functions without state: {@link CertificateAuthority} decides what to issue, {@link PkiKeyStore}
 * where to keep it.
 *
 * <p>The CA signs with RSA-2048 and SHA-256: every verifier we care about (poppler/NSS, Adobe, EU
 * DSS) accepts it. Seal keys follow the department's {@link SealAlgorithm} (RSA, ECDSA P-256 or
 * SM2); an SM2 seal under this RSA CA is a mixed chain, and a pure SM2 hierarchy (GM/T 0015) would
 * need an SM2 root and issuing CA as well.
 */
final class CertificateIssuer {

  static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
  /** Backdating absorbs small clock differences between the portal and verifiers. */
  private static final Duration BACKDATE = Duration.ofMinutes(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateIssuer() {}

  /** A key for the CA itself or the timestamping unit. */
  static KeyPair newKeyPair() throws SigningException {
    return SealAlgorithm.RSA.newKeyPair();
  }

  /** A name with the center's country and organisation, so certificates read well in viewers. */
  static X500Name name(String commonName, String organisation, String organisationalUnit) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN");
    if (organisation != null && !organisation.isBlank()) {
      builder.addRDN(BCStyle.O, organisation);
    }
    if (organisationalUnit != null && !organisationalUnit.isBlank()) {
      builder.addRDN(BCStyle.OU, organisationalUnit);
    }
    return builder.addRDN(BCStyle.CN, commonName).build();
  }

  static X509Certificate selfSignedRoot(X500Name subject, KeyPair keys, int years)
      throws SigningException {
    try {
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject, serialNumber(), notBefore(now), notAfter(now, years), subject, keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(keys.getPublic()));
      return sign(builder, keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new SigningException("cannot create the root CA certificate", e);
    }
  }

  static X509Certificate issuingCa(
      X500Name subject, PublicKey publicKey, X509Certificate root, PrivateKey rootKey, int years)
      throws SigningException {
    try {
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              root, serialNumber(), notBefore(now), capped(notAfter(now, years), root), subject, publicKey);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      // pathLen 0: the issuing CA signs seals and the TSA only, never another CA.
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root));
      return sign(builder, rootKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new SigningException("cannot create the issuing CA certificate", e);
    }
  }

  /** A department seal: non-repudiation signatures on documents, nothing else. */
  static X509Certificate seal(
      X500Name subject, PublicKey publicKey, X509Certificate issuer, PrivateKey issuerKey, int years)
      throws SigningException {
    return seal(subject, publicKey, issuer, issuerKey, years, null);
  }

  /**
   * A seal that names where its status is published (RFC 5280 §4.2.1.13 CRL distribution point,
   * §4.2.2.1 authority information access: OCSP and the issuer's certificate), so verifiers
   * outside the portal find them; {@code endpoints} null: no such extensions.
   */
  static X509Certificate seal(
      X500Name subject,
      PublicKey publicKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      int years,
      PkiEndpoints endpoints)
      throws SigningException {
    return endEntity(
        subject, publicKey, issuer, issuerKey, yearsFromNow(years),
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null, endpoints);
  }

  /**
   * A timestamping unit: RFC 3161 §2.3 requires the extended key usage id-kp-timeStamping, alone
   * and critical (Bouncy Castle's generator refuses a certificate without it).
   */
  static X509Certificate timestampUnit(
      X500Name subject,
      PublicKey publicKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Duration validity)
      throws SigningException {
    return endEntity(
        subject, publicKey, issuer, issuerKey, Instant.now().plus(validity),
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping), null);
  }

  private static X509Certificate endEntity(
      X500Name subject,
      PublicKey publicKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant notAfter,
      KeyUsage keyUsage,
      ExtendedKeyUsage extendedKeyUsage,
      PkiEndpoints endpoints)
      throws SigningException {
    try {
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer, serialNumber(), notBefore(now), capped(Date.from(notAfter), issuer), subject, publicKey);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, keyUsage);
      if (extendedKeyUsage != null) {
        builder.addExtension(Extension.extendedKeyUsage, true, extendedKeyUsage);
      }
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
      if (endpoints != null) {
        builder.addExtension(
            Extension.authorityInfoAccess,
            false,
            new AuthorityInformationAccess(
                new AccessDescription[] {
                  new AccessDescription(
                      AccessDescription.id_ad_ocsp,
                      new GeneralName(GeneralName.uniformResourceIdentifier, endpoints.ocspUrl())),
                  new AccessDescription(
                      AccessDescription.id_ad_caIssuers,
                      new GeneralName(
                          GeneralName.uniformResourceIdentifier, endpoints.issuingCertificateUrl()))
                }));
        builder.addExtension(
            Extension.cRLDistributionPoints,
            false,
            new CRLDistPoint(
                new DistributionPoint[] {
                  new DistributionPoint(
                      new DistributionPointName(
                          new GeneralNames(
                              new GeneralName(
                                  GeneralName.uniformResourceIdentifier, endpoints.crlUrl()))),
                      null,
                      null)
                }));
      }
      return sign(builder, issuerKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new SigningException("cannot issue the certificate for " + subject, e);
    }
  }

  /** An empty CRL (nothing revoked yet), valid for {@code validity}, signed by {@code issuer}. */
  static X509CRL emptyCrl(X509Certificate issuer, PrivateKey issuerKey, Duration validity)
      throws SigningException {
    return crl(issuer, issuerKey, validity, Map.of());
  }

  /**
   * A CRL listing {@code revoked} (serial number → revocation time), valid for {@code validity},
   * signed by {@code issuer}.
   */
  static X509CRL crl(
      X509Certificate issuer,
      PrivateKey issuerKey,
      Duration validity,
      Map<BigInteger, Instant> revoked)
      throws SigningException {
    try {
      Instant now = Instant.now();
      JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(now.minus(BACKDATE)));
      builder.setNextUpdate(Date.from(now.plus(validity)));
      for (Map.Entry<BigInteger, Instant> entry : revoked.entrySet()) {
        builder.addCRLEntry(
            entry.getKey(), Date.from(entry.getValue()), CRLReason.keyCompromise);
      }
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
      // RFC 5280 §5.2.3: CRL numbers increase; milliseconds do without a counter on disk.
      builder.addExtension(
          Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey);
      return new JcaX509CRLConverter().getCRL(builder.build(signer));
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new SigningException("cannot issue a CRL for " + issuer.getSubjectX500Principal(), e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signerKey)
      throws SigningException {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signerKey);
      return Certificates.parse(builder.build(signer).getEncoded());
    } catch (OperatorCreationException | GeneralSecurityException | java.io.IOException e) {
      throw new SigningException("cannot sign a certificate", e);
    }
  }

  /** Positive, unpredictable, at most 20 octets (RFC 5280 §4.1.2.2). */
  private static BigInteger serialNumber() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  private static Date notBefore(Instant now) {
    return Date.from(now.minus(BACKDATE));
  }

  private static Instant yearsFromNow(int years) {
    return notAfter(Instant.now(), years).toInstant();
  }

  private static Date notAfter(Instant now, int years) {
    return Date.from(ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(years).toInstant());
  }

  /** A certificate should not outlive its issuer: path validation would reject it late anyway. */
  private static Date capped(Date notAfter, X509Certificate issuer) {
    return notAfter.after(issuer.getNotAfter()) ? issuer.getNotAfter() : notAfter;
  }
}
