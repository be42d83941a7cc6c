package cn.wssp.signing;

/**
 * Where the portal publishes the status of the certificates it issues, written into every seal
 * certificate (authority information access and CRL distribution point) so that verifiers outside
 * the portal — openssl, Adobe, EU DSS — can ask whether a seal was revoked.
 *
 * @param ocspUrl the OCSP responder (RFC 6960), e.g. https://wssp.example.gov.cn/api/v1/pki/ocsp
 * @param crlUrl the issuing CA's CRL (DER)
 * @param issuingCertificateUrl the issuing CA's certificate, for chain building (caIssuers)
 */
public record PkiEndpoints(String ocspUrl, String crlUrl, String issuingCertificateUrl) {
  public PkiEndpoints {
    if (ocspUrl == null || ocspUrl.isBlank() || crlUrl == null || crlUrl.isBlank()
        || issuingCertificateUrl == null || issuingCertificateUrl.isBlank()) {
      throw new IllegalArgumentException("the OCSP, CRL and issuing certificate URLs are required");
    }
  }
}
