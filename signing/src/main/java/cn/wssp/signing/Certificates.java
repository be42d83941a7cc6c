package cn.wssp.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Small read-only questions about certificates, shared by the CA, its store and the verifier. */
final class Certificates {

  private Certificates() {}

  /** The value of one name attribute (CN, O, OU) of a certificate's subject, or null. */
  static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
    try {
      X500Name subject = new JcaX509CertificateHolder(certificate).getSubject();
      var rdns = subject.getRDNs(type);
      if (rdns.length == 0) {
        return null;
      }
      var value = rdns[0].getFirst().getValue();
      // The plain string, not the RFC 4514 escaped form that IETFUtils would give.
      return value instanceof ASN1String
          ? ((ASN1String) value).getString()
          : IETFUtils.valueToString(value);
    } catch (CertificateEncodingException e) {
      return null;
    }
  }

  /** Named by {@code issuer} and signed with its key: names alone can be forged by anyone. */
  static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
    if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** The OCSP responder named in the certificate's authority information access, or null. */
  static String ocspUrl(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (extension == null) {
      return null;
    }
    AuthorityInformationAccess access =
        AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(extension).getOctets());
    for (AccessDescription description : access.getAccessDescriptions()) {
      if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
          && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
        return ASN1IA5String.getInstance(description.getAccessLocation().getName()).getString();
      }
    }
    return null;
  }

  /**
   * Parses a DER or PEM certificate. The JDK's parser first (what every other part of the
   * application sees); Bouncy Castle's for what the JDK cannot read, certificates of SM2 keys
   * (the JDK does not know the curve sm2p256v1 and refuses the whole certificate).
   */
  static X509Certificate parse(byte[] encoded) throws java.security.cert.CertificateException {
    try {
      return (X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(encoded));
    } catch (java.security.cert.CertificateException jdkRefused) {
      try {
        return (X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                .generateCertificate(new java.io.ByteArrayInputStream(encoded));
      } catch (java.security.cert.CertificateException | RuntimeException bcRefused) {
        jdkRefused.addSuppressed(bcRefused);
        throw jdkRefused;
      }
    }
  }

  /** PEM with 64-character lines and "\n" endings, the form every verifier tool accepts. */
  static String pem(X509Certificate certificate) {
    try {
      Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
      return "-----BEGIN CERTIFICATE-----\n"
          + encoder.encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate we hold cannot be encoded", e);
    }
  }
}
