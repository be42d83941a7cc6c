package cn.wssp.portal.infrastructure.signing;

import cn.wssp.portal.domain.service.Seals;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.MatterRepository;
import cn.wssp.portal.infrastructure.PortalResources;
import cn.wssp.signing.ArchiveTimestamper;
import cn.wssp.signing.PadesSigner;
import cn.wssp.signing.PdfVerifier;
import cn.wssp.signing.SealAlgorithm;
import cn.wssp.signing.SealAuthority;
import cn.wssp.signing.SealInfo;
import cn.wssp.signing.SignatureRequest;
import cn.wssp.signing.SigningException;
import cn.wssp.signing.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The seals on the center's own PKI (signing's {@link SealAuthority}: root → issuing CA → one
 * seal per department and the center's 受理专用章; PKCS#12 key stores under the data folder, an
 * internal TSA, CRLs and the OCSP responder). Each seal's key and certificate are created on
 * first need and replaced (re-keyed) when revoked.
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
    return signer(authority).sign(pdf, sealOf(authority, department), request);
  }

  @Override
  public byte[] applyCenterSeal(byte[] pdf, SignatureRequest request) throws SigningException {
    SealAuthority authority = resources.sealAuthority();
    return signer(authority).sign(pdf, authority.centerSeal(), request);
  }

  @Override
  public List<SealInfo> list() throws SigningException {
    return resources.sealAuthority().seals();
  }

  @Override
  public SealInfo revoke(String id) throws SigningException {
    return resources.sealAuthority().revoke(id);
  }

  @Override
  public byte[] ocspResponse(byte[] request) throws SigningException {
    return resources.sealAuthority().ocspResponse(request);
  }

  @Override
  public byte[] issuingCrl() throws SigningException {
    return resources.sealAuthority().issuingCrl();
  }

  @Override
  public String issuingCertificatePem() {
    return resources.sealAuthority().issuingCertificatePem();
  }

  private static PadesSigner signer(SealAuthority authority) throws SigningException {
    // B-LT: timestamped by the center's TSA, OCSP responses and CRLs embedded (§6).
    return new PadesSigner(authority.timestampAuthority(), authority, authority);
  }

  @Override
  public java.util.Optional<java.time.Instant> archiveRenewalDue(byte[] pdf)
      throws SigningException {
    return ArchiveTimestamper.renewalDue(pdf);
  }

  @Override
  public byte[] extendForArchive(byte[] pdf) throws SigningException {
    SealAuthority authority = resources.sealAuthority();
    return new ArchiveTimestamper(authority.timestampAuthority(), authority, authority)
        .extend(pdf);
  }

  @Override
  public java.time.Instant renewTimestampUnitIfEndsBefore(java.time.Instant mustOutlive)
      throws SigningException {
    resources.sealAuthority().renewTimestampUnitIfEndsBefore(mustOutlive);
    return resources.sealAuthority().timestampAuthority().certificateChain().stream()
        .map(c -> c.getNotAfter().toInstant()).min(java.util.Comparator.naturalOrder())
        .orElseThrow(() -> new SigningException("the timestamping unit has no certificate"));
  }

  @Override
  public VerificationReport verify(byte[] pdf) {
    return new PdfVerifier(resources.sealAuthority().trustAnchors()).verify(pdf);
  }

  @Override
  public String rootCertificatesPem() {
    return resources.sealAuthority().rootCertificatePem();
  }

  /**
   * Creates every department's seal and the center's own at start-up, so the first document does
   * not wait for keys.
   */
  @Transactional
  public void ensureSeals() throws SigningException {
    resources.sealAuthority().centerSeal();
    for (Department d : matters.departments()) {
      sealOf(resources.sealAuthority(), d);
    }
  }

  @Override
  public void ensureSeal(Department department) throws SigningException {
    sealOf(resources.sealAuthority(), department);
  }

  /** The department's seal with the algorithm it chose (a change re-keys it here). */
  private static cn.wssp.signing.SealToken sealOf(SealAuthority authority, Department department)
      throws SigningException {
    SealAlgorithm algorithm = SealAlgorithm.parse(department.sealAlgorithm());
    if (algorithm == null) {
      throw new SigningException("department " + department.code()
          + " names an unknown seal algorithm: " + department.sealAlgorithm());
    }
    return authority.sealFor(department.code(), department.name(), algorithm);
  }
}
