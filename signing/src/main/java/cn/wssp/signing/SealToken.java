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

  /** The seal's algorithm, as its certificate says. */
  default SealAlgorithm algorithm() throws SigningException {
    return SealAlgorithm.of(certificateChain().get(0));
  }

  /**
   * Signs {@code data} with the seal's {@link #algorithm()}, hash included: SHA256withRSA,
   * SHA256withECDSA, or SM3withSM2.
   */
  byte[] sign(byte[] data) throws SigningException;
}
