package cn.wssp.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A seal whose private key was read from a PKCS#12 store. The key never leaves this object: callers
 * get the certificate chain and signatures, which is all PAdES signing needs, so the same calling
 * code works unchanged when keys move to an HSM (another {@link SealToken} implementation).
 */
public final class Pkcs12SealToken implements SealToken {

  private final PrivateKey privateKey;
  private final PrivateKey signingKey;
  private final List<X509Certificate> chain;

  /**
   * @param privateKey the seal's private key (RSA or EC)
   * @param chain the seal certificate first, then its issuers up to the root
   */
  public Pkcs12SealToken(PrivateKey privateKey, List<X509Certificate> chain) {
    if (privateKey == null || chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("a seal needs a private key and at least its own certificate");
    }
    this.privateKey = privateKey;
    this.signingKey = forSigning(privateKey);
    this.chain = List.copyOf(chain);
  }

  /**
   * EC keys (ECDSA P-256, SM2) as Bouncy Castle key objects, converted once: Bouncy Castle signs
   * with them through {@link SealAlgorithm#newSignature()}, and handed a JDK key it converts it
   * on every signature and loses its precomputed tables — a third of the speed.
   */
  private static PrivateKey forSigning(PrivateKey key) {
    if (!"EC".equals(key.getAlgorithm()) || key.getEncoded() == null) {
      return key;
    }
    try {
      return java.security.KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
          .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      return key;
    }
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /** The seal certificate (first of the chain). */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Only for {@link PkiKeyStore} to persist the key, and for the in-process TSA to use it. */
  PrivateKey privateKeyForStore() {
    return privateKey;
  }

  @Override
  public byte[] sign(byte[] data) throws SigningException {
    try {
      // A fresh Signature per call: java.security.Signature is not thread-safe, tokens are shared.
      Signature signature = algorithm().newSignature();
      signature.initSign(signingKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new SigningException("the seal key could not sign (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String toString() {
    // Never print the key.
    return "Pkcs12SealToken[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
