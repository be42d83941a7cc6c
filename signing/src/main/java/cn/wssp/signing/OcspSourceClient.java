package cn.wssp.signing;

import com.itextpdf.signatures.IOcspClient;
import java.security.cert.X509Certificate;

/** Presents an {@link OcspSource} to iText's LTV code, which asks certificate by certificate. */
final class OcspSourceClient implements IOcspClient {

  private final OcspSource source;

  OcspSourceClient(OcspSource source) {
    this.source = source;
  }

  @Override
  public byte[] getEncoded(X509Certificate checkCert, X509Certificate issuerCert, String url) {
    if (checkCert == null || issuerCert == null) {
      return null;
    }
    try {
      return source.ocspResponseFor(checkCert, issuerCert);
    } catch (SigningException e) {
      // IOcspClient cannot throw checked exceptions; PadesSigner unwraps this.
      throw new CrlSourceClient.CrlUnavailable(e);
    }
  }
}
