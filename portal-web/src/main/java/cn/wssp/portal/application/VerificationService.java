package cn.wssp.portal.application;

import cn.wssp.portal.domain.service.Seals;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.signing.DocumentAttachment;
import cn.wssp.signing.DocumentAttachments;
import cn.wssp.signing.Indication;
import cn.wssp.signing.SigningException;
import cn.wssp.signing.SubIndication;
import cn.wssp.signing.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Public verification of a document (§6): by uploading the PDF, or by number and code. The
 * signatures are checked independently of the database; the database adds whether the decision
 * still stands (not revoked) and whether these exact bytes are the ones the portal issued.
 */
@ApplicationScoped
public class VerificationService {
  @Inject
  DocumentRepository documents;

  @Inject
  Seals seals;

  @Inject
  DocumentIssuer issuer;

  @Inject
  Throttle throttle;

  @Inject
  EvidenceManifests manifests;

  @Inject
  Clock clock;

  /**
   * The answer of /api/v1/verify and the verify page. {@code indication}, {@code subIndication}
   * and {@code message} say why a document is not valid (EU DSS's terms; null sub-indication
   * when it passed). {@code validUntil}: a licence's last day of validity (null for others);
   * {@code expired}: that day has passed (the licence no longer stands, however intact).
   */
  public record Result(boolean valid, boolean intact, boolean revoked, boolean registered,
      String documentNumber, String title, List<Signature> signatures, Indication indication,
      SubIndication subIndication, String message, java.time.Instant revokedAt,
      String revocationReason, Manifest manifest, LocalDate validUntil, boolean expired) {}

  /**
   * The decision's embedded evidence manifest (办件证据清单): whether the PDF carries one, and
   * whether its material hashes are exactly those the portal stores for the application.
   */
  public record Manifest(boolean present, boolean matchesStored) {}

  /**
   * One signature: who sealed, when (the timestamp's time), and each check on its own —
   * {@code intact} (the signed bytes unchanged), {@code chainTrusted} (the seal certificate
   * chains to the center's root and was not revoked at that time), {@code validationData}
   * (revocation data embedded, verifiable without the CA, PAdES B-LT) — with the
   * {@code algorithm} ("RSA/SHA-256", "SM2/SM3").
   */
  public record Signature(String signer, String department, String signedAt, boolean timestamped,
      boolean valid, Indication indication, SubIndication subIndication, String message,
      boolean intact, boolean chainTrusted, boolean validationData, String algorithm) {}

  public Result verifyUpload(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw DomainException.invalid("请上传需要核验的 PDF 文件（file 不能为空）。")
          .inEnglish("Please upload the PDF file to verify (file may not be empty).");
    }
    VerificationReport report = seals.verify(pdf);
    Document doc = report.documentNumber() == null ? null
        : documents.byNumber(report.documentNumber()).orElse(null);
    // Byte-equal to what was issued: the current version, or one an archive timestamp extended
    // since (the copy the applicant downloaded before the renewal stays registered).
    boolean registered = doc != null && documents.isIssuedVersion(doc.id(), sha256(pdf));
    return result(report, doc, registered, manifest(pdf, doc));
  }

  /**
   * By number and code, from a client address: wrong pairs are counted per address (the
   * throttle's verification rule), and past its limit the address gets 429 until it may try again.
   */
  public Result verifyByNumber(String number, String code, String address) {
    Document doc = throttle.attempt(List.of(throttle.verificationAddress(address)), "核验",
            () -> registered(number, code))
        .orElseThrow(() -> new DomainException("NOT_FOUND", 404, "文书编号或验证码不正确，未找到该文书。")
            .inEnglish("No document with this number and verification code: check both."));
    byte[] pdf = issuer.read(doc);
    return result(seals.verify(pdf), doc, true, manifest(pdf, doc));
  }

  /**
   * A document the portal issued, checked as it is stored (its owner's 我的证照 shows whether
   * it stands): the same report as a verification by number, without the code and throttle,
   * for callers that have already checked who may read it.
   */
  public Result verifyStored(Document doc) {
    byte[] pdf = issuer.read(doc);
    return result(seals.verify(pdf), doc, true, manifest(pdf, doc));
  }

  /** The document with this number and code (any case; 8-character codes of older documents too). */
  Optional<Document> registered(String number, String code) {
    if (number == null || number.isBlank() || code == null || code.isBlank()) {
      return Optional.empty();
    }
    return documents.byNumber(number.trim()).filter(d -> d.matchesCode(code));
  }

  private Manifest manifest(byte[] pdf, Document doc) {
    Optional<DocumentAttachment> file;
    try {
      file = DocumentAttachments.read(pdf).stream()
          .filter(a -> EvidenceManifests.FILE_NAME.equals(a.fileName())).findFirst();
    } catch (SigningException e) {
      return new Manifest(false, false); // not a readable PDF: the report says so
    }
    boolean matches = file.isPresent() && doc != null && doc.applicationId() != null
        && manifests.matchesStored(file.get().content(), doc.applicationId());
    return new Manifest(file.isPresent(), matches);
  }

  private Result result(VerificationReport r, Document doc, boolean registered,
      Manifest manifest) {
    boolean revoked = doc != null && doc.revoked();
    List<Signature> signatures = r.signatures().stream()
        .map(s -> new Signature(s.signer(), s.department(), s.signedAt(), s.timestamped(),
            s.valid(), s.indication(), s.subIndication(), s.message(), s.intact(), s.trusted(),
            s.validationData(), s.algorithm()))
        .toList();
    return new Result(r.valid(), r.intact(), revoked, registered, r.documentNumber(),
        doc == null ? null : doc.kind().title(), signatures, r.indication(), r.subIndication(),
        r.message(), revoked ? doc.revokedAt() : null, revoked ? doc.revocationReason() : null,
        manifest, doc == null ? null : doc.validUntil(),
        doc != null && doc.expiredOn(LocalDate.now(clock)));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
