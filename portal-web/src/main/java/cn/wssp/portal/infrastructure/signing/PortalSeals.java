package cn.wssp.portal.infrastructure.signing;

import cn.wssp.portal.domain.service.Seals;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.MatterRepository;
import cn.wssp.portal.infrastructure.PortalResources;
import cn.wssp.signing.PadesSigner;
import cn.wssp.signing.PdfVerifier;
import cn.wssp.signing.SealAuthority;
import cn.wssp.signing.SignatureRequest;
import cn.wssp.signing.SigningException;
import cn.wssp.signing.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The departments' seals on the center's own PKI (signing's {@link SealAuthority}: PKCS#12 key
 * stores under the data folder, an internal TSA and CRLs). Each department's seal key and
 * certificate are created on first need.
 */
@ApplicationScoped
public class PortalSeals implements Seals {
  @Inject
  PortalResources resources;

  @Inject
  MatterRepository matters;

  @Override
  public byte[] apply(byte[] pdf, Department department, SignatureRequest request)
      throws SigningException {
    SealAuthority authority = resources.sealAuthority();
    // B-LT: timestamped by the center's TSA, revocation data embedded (§6).
    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority);
    return signer.sign(pdf, authority.sealFor(department.code(), department.name()), request);
  }

  @Override
  public VerificationReport verify(byte[] pdf) {
    return new PdfVerifier(resources.sealAuthority().trustAnchors()).verify(pdf);
  }

  @Override
  public String rootCertificatesPem() {
    return resources.sealAuthority().rootCertificatePem();
  }

  /** Creates every department's seal at start-up, so the first decision does not wait for keys. */
  @Transactional
  public void ensureSeals() throws SigningException {
    for (Department d : matters.departments()) {
      resources.sealAuthority().sealFor(d.code(), d.name());
    }
  }
}
