package cn.wssp.signing;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where the seal keys live: a PKCS#12 file ({@link Pkcs12SealKeys}, the embedded default) or a
 * hardware security module through PKCS#11 ({@link Pkcs11SealKeys}). New keys are generated
 * where they will stay; the CA only ever sees the public key. Called inside the PKI directory
 * lock.
 */
interface SealKeys {

  /** Issues the certificate chain (seal first) for a freshly generated public key. */
  @FunctionalInterface
  interface Certifier {
    List<X509Certificate> certify(PublicKey publicKey) throws SigningException;
  }

  /** The stored seal under {@code alias}, or null. */
  SealToken load(String alias) throws SigningException;

  /**
   * Generates a new {@code algorithm} key under {@code alias} (replacing any), certifies it and
   * stores the chain.
   */
  SealToken create(String alias, SealAlgorithm algorithm, Certifier certifier)
      throws SigningException;

  /** The certificates of every stored seal (for the register of installations before it). */
  List<X509Certificate> storedCertificates() throws SigningException;
}
