package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.infrastructure.PortalResources;
import cn.wssp.signing.PdfVerifier;
import cn.wssp.signing.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Public verification of a document (§6): by uploading the PDF, or by number and code. The
 * signatures are checked independently of the database; the database adds whether the decision
 * still stands (not revoked) and whether these exact bytes are the ones the portal issued.
 */
@ApplicationScoped
public class VerificationService {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  PortalResources resources;

  @Inject
  DocumentIssuer issuer;

  public record Result(boolean valid, boolean intact, boolean revoked, boolean registered,
      String documentNumber, String title, List<Signature> signatures) {}

  public record Signature(String signer, String department, String signedAt, boolean timestamped,
      boolean valid) {}

  public Result verifyUpload(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw DomainException.invalid("请上传需要核验的 PDF 文件（file 不能为空）。");
    }
    VerificationReport report = verifier().verify(pdf);
    Document doc = report.documentNumber() == null ? null : byNumber(report.documentNumber());
    boolean registered = doc != null && doc.sha256().equals(sha256(pdf));
    return result(report, doc, registered);
  }

  public Result verifyByNumber(String number, String code) {
    Document doc = number == null ? null : byNumber(number.trim());
    if (doc == null || code == null || !doc.verificationCode().equalsIgnoreCase(code.trim())) {
      throw new DomainException("NOT_FOUND", 404, "文书编号或验证码不正确，未找到该文书。");
    }
    VerificationReport report = verifier().verify(issuer.read(doc));
    return result(report, doc, true);
  }

  private Result result(VerificationReport r, Document doc, boolean registered) {
    boolean revoked = doc != null && doc.revoked();
    List<Signature> signatures = r.signatures().stream()
        .map(s -> new Signature(s.signer(), s.department(), s.signedAt(), s.timestamped(), s.valid()))
        .toList();
    return new Result(r.valid(), r.intact(), revoked, registered, r.documentNumber(),
        doc == null ? null : doc.kind().title(), signatures);
  }

  private PdfVerifier verifier() {
    return new PdfVerifier(resources.sealAuthority().trustAnchors());
  }

  Document byNumber(String number) {
    return em.createQuery("select d from Document d where d.number = :n", Document.class)
        .setParameter("n", number).getResultList().stream().findFirst().orElse(null);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
