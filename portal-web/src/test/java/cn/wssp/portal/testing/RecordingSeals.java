package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.service.Seals;
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

  @Override
  public VerificationReport verify(byte[] pdf) {
    throw new UnsupportedOperationException("verification is tested with real signatures");
  }

  @Override
  public String rootCertificatesPem() {
    return "";
  }
}
