package cn.wssp.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The key and signature algorithm of a seal, chosen per department (§6).
 *
 * <ul>
 *   <li>{@link #RSA}: RSA-2048 with SHA-256, the default; every verifier reads it (Adobe,
 *       poppler/NSS, EU DSS).
 *   <li>{@link #ECDSA_P256}: ECDSA on NIST P-256 with SHA-256; as widely verifiable, smaller and
 *       faster to sign.
 *   <li>{@link #SM2}: the national algorithms, SM2 signatures (GB/T 32918) with the SM3 hash
 *       (GB/T 32905) and the default user id of GM/T 0009, through Bouncy Castle. The portal's
 *       own verifier checks them; poppler/NSS, Adobe Reader and EU DSS do not know SM2 and report
 *       such a signature as unsupported, not as forged (README, "National algorithms").
 * </ul>
 */
public enum SealAlgorithm {
  RSA("SHA256withRSA"),
  ECDSA_P256("SHA256withECDSA"),
  SM2("SM3withSM2");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RSA_BITS = 2048;

  private final String jcaSignatureName;

  SealAlgorithm(String jcaSignatureName) {
    this.jcaSignatureName = jcaSignatureName;
  }

  /** The JCA name of the signature, digest included: "SHA256withRSA", "SM3withSM2". */
  public String jcaSignatureName() {
    return jcaSignatureName;
  }

  /** A new key pair of this algorithm (SM2 keys on the curve sm2p256v1). */
  public KeyPair newKeyPair() throws SigningException {
    try {
      switch (this) {
        case RSA: {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(RSA_BITS, RANDOM);
          return generator.generateKeyPair();
        }
        case ECDSA_P256: {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
          return generator.generateKeyPair();
        }
        case SM2:
        default: {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
          generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
          return generator.generateKeyPair();
        }
      }
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot generate a " + this + " key pair", e);
    }
  }

  /** A fresh (not thread-safe) signature object for this algorithm. */
  Signature newSignature() throws GeneralSecurityException {
    // The JDK has no SM2/SM3, and its P-256 ECDSA is slow (about 2,000 signatures/s here against
    // Bouncy Castle's 10,000, docs/PERFORMANCE.md): Bouncy Castle's provider for both, passed
    // explicitly rather than installed process-wide, so the server's providers stay as they are.
    return this == RSA
        ? Signature.getInstance(jcaSignatureName)
        : Signature.getInstance(jcaSignatureName, BouncyCastle.PROVIDER);
  }

  /** The algorithm of the key {@code certificate} certifies. */
  public static SealAlgorithm of(X509Certificate certificate) throws SigningException {
    String keyAlgorithm = certificate.getPublicKey().getAlgorithm();
    if ("RSA".equals(keyAlgorithm)) {
      return RSA;
    }
    if ("EC".equals(keyAlgorithm) || "ECDSA".equals(keyAlgorithm)) {
      ASN1Encodable curve =
          SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
              .getAlgorithm()
              .getParameters();
      if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
        return SM2;
      }
      if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
        return ECDSA_P256;
      }
    }
    throw new SigningException(
        "the seal certificate's key (" + keyAlgorithm + ") is none of RSA, ECDSA P-256 or SM2");
  }

  /** Parses "RSA", "ECDSA_P256" or "SM2" (any case); null for anything else. */
  public static SealAlgorithm parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
