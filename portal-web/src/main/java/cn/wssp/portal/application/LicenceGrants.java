package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 电子证照: the one place that says an approval of a matter that grants a licence
 * ({@link Matter#grantsLicence()}) issues the licence with it, in the approval's transaction,
 * sealed as the approval was (by the approving departments, or by the center for a 超时默许);
 * and that revoking the approval revokes its licence too.
 */
@ApplicationScoped
public class LicenceGrants {
  @Inject
  DocumentIssuer issuer;

  @Inject
  DocumentRepository documents;

  /** The licence of an approval the departments sealed (none if the matter grants none). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Document> withApproval(Application app, Document decision,
      List<DepartmentDecision> approvals) {
    return whenGranted(app, () -> issuer.issueLicence(app, decision,
        OfficialTexts.licenceScope(approvals), approvals));
  }

  /** The licence of an approval the center issued because the time limit passed (超时默许). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Document> withDeemedApproval(Application app, Document decision,
      String signerName) {
    return whenGranted(app, () -> issuer.issueCenterLicence(app, decision,
        OfficialTexts.deemedLicenceScope(app), signerName));
  }

  private static Optional<Document> whenGranted(Application app, Supplier<Document> issue) {
    return app.matter().grantsLicence() ? Optional.of(issue.get()) : Optional.empty();
  }

  /** The approval was revoked: its licence no longer stands either (verification says so). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Document> revokeWithApproval(Application app, Instant at, String reason) {
    Optional<Document> licence = documents.latest(app.id(), DocumentKind.LICENCE)
        .filter(l -> !l.revoked());
    licence.ifPresent(l -> l.revoke(at, reason));
    return licence;
  }

  /** What the applicant's message adds about the licence: nothing when none was issued. */
  public static String mention(Optional<Document> licence) {
    return licence.map(l -> "同时颁发《" + l.kind().title() + "》（证照编号 " + l.number()
        + "，有效期至 " + OfficialTexts.CN_DATE.format(l.validUntil())
        + "），可在“我的证照”中查看和下载。").orElse("");
  }
}
