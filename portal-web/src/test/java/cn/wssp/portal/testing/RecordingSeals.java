package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.service.Seals;
import cn.wssp.signing.SealAuthority;
import cn.wssp.signing.SealInfo;
import cn.wssp.signing.SignatureRequest;
import cn.wssp.signing.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals that note who sealed where and leave the PDF as it is: service tests check the rules of
 * who may seal, while the signing module and the journeys check real signatures with pdfsig.
 */
public class RecordingSeals implements Seals {
  public record Applied(String departmentCode, SignatureRequest request) {}

  public final List<Applied> applied = new ArrayList<>();

  @Override
  public byte[] apply(byte[] pdf, Department department, SignatureRequest request) {
    applied.add(new Applied(department.code(), request));
    return pdf;
  }

  /** The center's own 受理专用章 is recorded under this code. */
  public static final String CENTER = SealAuthority.CENTER_CODE;

  @Override
  public byte[] applyCenterSeal(byte[] pdf, SignatureRequest request) {
    applied.add(new Applied(CENTER, request));
    return pdf;
  }

  @Override
  public List<SealInfo> list() {
    return List.of();
  }

  @Override
  public SealInfo revoke(String id) {
    return null;
  }

  @Override
  public VerificationReport verify(byte[] pdf) {
    throw new UnsupportedOperationException("verification is tested with real signatures");
  }

  @Override
  public String rootCertificatesPem() {
    return "";
  }

  @Override
  public String issuingCertificatePem() {
    return "";
  }

  @Override
  public byte[] issuingCrl() {
    return new byte[0];
  }

  @Override
  public byte[] ocspResponse(byte[] request) {
    throw new UnsupportedOperationException("OCSP is tested against the real CA");
  }
}
