package cn.wssp.portal.domain.service;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.signing.SignatureRequest;
import cn.wssp.signing.SigningException;
import cn.wssp.signing.VerificationReport;

/**
 * The departments' electronic seals (行政许可专用章, §6) as the use cases see them: apply one to a
 * PDF, check a PDF's signatures, publish the trust anchors. Where the keys live (PKCS#12 files,
 * an HSM) and how timestamps and revocation data are fetched is infrastructure's business.
 */
public interface Seals {
  /** The PDF with the department's seal added as a PAdES B-LT signature. */
  byte[] apply(byte[] pdf, Department department, SignatureRequest request)
      throws SigningException;

  /** An independent check of a PDF's signatures against the portal's trust anchors. */
  VerificationReport verify(byte[] pdf);

  /** The root certificate(s) every seal chains to, PEM-encoded. */
  String rootCertificatesPem();
}
