package cn.wssp.signing;

import com.itextpdf.signatures.ICrlClient;
import java.security.cert.X509Certificate;
import java.util.Collection;

/** Presents a {@link CrlSource} to iText's LTV code, which asks certificate by certificate. */
final class CrlSourceClient implements ICrlClient {

  private final CrlSource source;

  CrlSourceClient(CrlSource source) {
    this.source = source;
  }

  @Override
  public Collection<byte[]> getEncoded(X509Certificate certificate, String url) {
    try {
      return source.crlsFor(certificate);
    } catch (SigningException e) {
      // ICrlClient cannot throw checked exceptions; PadesSigner unwraps this.
      throw new CrlUnavailable(e);
    }
  }

  static final class CrlUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CrlUnavailable(SigningException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
