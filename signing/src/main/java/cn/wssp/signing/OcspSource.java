package cn.wssp.signing;

import java.security.cert.X509Certificate;

/**
 * OCSP responses to embed in signed PDFs (PAdES B-LT, beside the CRLs): proof, made at signing
 * time, that the seal was not revoked.
 */
@FunctionalInterface
public interface OcspSource {

  /**
   * A DER-encoded BasicOCSPResponse saying {@code certificate} (issued by {@code issuer}) is
   * good, or null when there is none (unknown issuer, certificate not good).
   */
  byte[] ocspResponseFor(X509Certificate certificate, X509Certificate issuer)
      throws SigningException;
}
