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
  public void ensureSeal(cn.wssp.portal.domain.model.Department department) {
    // Nothing to create: the recorded "signatures" need no keys.
  }

  /**
   * What {@link #archiveRenewalDue} answers for every PDF (a test sets it per PDF below); a
   * fresh B-LT seal's timestamp certificate runs five years.
   */
  public java.time.Instant renewalDue = java.time.Instant.parse("2031-11-23T00:00:00Z");

  /** Per PDF (by SHA-256 of its bytes), overriding {@link #renewalDue}. */
  public final java.util.Map<String, java.time.Instant> renewalDueOf = new java.util.HashMap<>();

  /** The PDFs extended by {@link #extendForArchive}, in order. */
  public final List<byte[]> extended = new ArrayList<>();

  /** Marker appended by {@link #extendForArchive}, standing for the archive timestamp. */
  public static final byte[] ARCHIVE_MARK = "\n%archive-ts\n".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  @Override
  public java.util.Optional<java.time.Instant> archiveRenewalDue(byte[] pdf) {
    return java.util.Optional.of(renewalDueOf.getOrDefault(InMemoryObjectStoreSha.of(pdf),
        renewalDue));
  }

  /** When the timestamping unit's certificate expires. */
  public java.time.Instant tsaExpiry = java.time.Instant.parse("2036-11-23T00:00:00Z");
  /** When a unit renewed now would expire (null: the unit cannot be renewed, e.g. CA ends). */
  public java.time.Instant tsaRenewalReach = null;
  /** How often the unit was renewed. */
  public int tsaRenewals;

  @Override
  public java.time.Instant renewTimestampUnitIfEndsBefore(java.time.Instant mustOutlive) {
    if (tsaExpiry.isBefore(mustOutlive) && tsaRenewalReach != null
        && tsaRenewalReach.isAfter(tsaExpiry)) {
      tsaExpiry = tsaRenewalReach;
      tsaRenewals++;
    }
    return tsaExpiry;
  }

  @Override
  public byte[] extendForArchive(byte[] pdf) {
    extended.add(pdf);
    byte[] out = java.util.Arrays.copyOf(pdf, pdf.length + ARCHIVE_MARK.length);
    System.arraycopy(ARCHIVE_MARK, 0, out, pdf.length, ARCHIVE_MARK.length);
    return out;
  }

  @Override
  public VerificationReport verify(byte[] pdf) {
    // Honest about these unsealed PDFs: no trust anchors, no signatures; the real checks of
    // signatures run in the signing module and the journeys.
    return new cn.wssp.signing.PdfVerifier(List.of()).verify(pdf);
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
