package cn.wssp.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Revocation data to embed in signed PDFs (PAdES B-LT), so a document can still be checked after
 * the portal that signed it is gone.
 */
@FunctionalInterface
public interface CrlSource {

  /**
   * Returns current DER-encoded CRLs issued by the issuer of {@code certificate} (empty if none
   * is known, e.g. for a self-signed root).
   */
  List<byte[]> crlsFor(X509Certificate certificate) throws SigningException;
}
