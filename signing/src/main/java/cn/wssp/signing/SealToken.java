package cn.wssp.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Access to one seal's private key without handing it out (a PKCS#12 file today, an HSM via
 * PKCS#11 later): the certificate chain, and a signature over data the caller prepared.
 */
public interface SealToken {

  /** The seal certificate first, then the issuing CA(s), then the root. */
  List<X509Certificate> certificateChain();

  /** Key algorithm of the seal key: "RSA", "EC" (or "SM2" later). */
  String keyAlgorithm();

  /** Signs {@code data} with SHA-256 and the key's algorithm (e.g. SHA256withRSA). */
  byte[] sign(byte[] data) throws SigningException;
}
