package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.ApplicationRepository;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DocumentKind;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 我的证照: every licence (电子证照) and decision issued to the applicant's enterprise (准予许可
 * above all, also denials and revocations), each with whether it still stands as the
 * verification service judges it.
 */
@ApplicationScoped
public class Licences {
  /**
   * What an enterprise keeps: its licences, and the decisions on what it may do, what it may
   * not, what was taken back.
   */
  public static final Set<DocumentKind> KINDS = EnumSet.of(DocumentKind.LICENCE,
      DocumentKind.APPROVAL_DECISION, DocumentKind.DENIAL_DECISION,
      DocumentKind.REVOCATION_DECISION);

  @Inject
  ApplicationRepository applications;

  @Inject
  DocumentRepository documents;

  @Inject
  VerificationService verification;

  /**
   * One issued licence or decision with the application it decided; {@code validUntil}: a
   * licence's last day of validity (null for decisions).
   */
  public record Licence(Long id, String kind, String title, String number, Instant createdAt,
      int signatures, boolean revoked, Instant revokedAt, Long applicationId,
      String applicationNumber, String matterName, java.time.LocalDate validUntil) {}

  /**
   * The verification service's judgement of the stored document: {@code valid} (signatures
   * intact and trusted), {@code revoked} (the decision no longer stands), {@code expired} (a
   * licence past its last day), its message when not valid.
   */
  public record Standing(boolean valid, boolean revoked, boolean expired, String message) {
    /** VALID, REVOKED, EXPIRED or INVALID: what the page names and colours. */
    public String state() {
      return revoked ? "REVOKED" : !valid ? "INVALID" : expired ? "EXPIRED" : "VALID";
    }
  }

  /** The enterprise's decisions, newest first. Only for applicants (an enterprise's users). */
  public List<Licence> of(Actor actor) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "查看本单位的证照");
    return documents.issuedTo(actor.enterpriseId(), KINDS).stream().map(d -> {
      Application app = applications.find(d.applicationId()).orElseThrow();
      return new Licence(d.id(), d.kind().name(), d.kind().title(), d.number(), d.createdAt(),
          d.signatureCount(), d.revoked(), d.revokedAt(), app.id(), app.number(),
          app.matter().name(), d.validUntil());
    }).toList();
  }

  /** Whether one of the enterprise's decisions stands; someone else's is "not found". */
  public Standing standing(Actor actor, Long documentId) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "查看本单位的证照");
    Document doc = documents.find(documentId)
        .filter(d -> KINDS.contains(d.kind()) && d.applicationId() != null)
        .filter(d -> applications.find(d.applicationId())
            .map(a -> Objects.equals(a.enterprise().id(), actor.enterpriseId())).orElse(false))
        .orElseThrow(() -> DomainException.notFound("文书")
            .inEnglish("The document does not exist or you may not see it."));
    VerificationService.Result r = verification.verifyStored(doc);
    return new Standing(r.valid() && !r.revoked(), r.revoked(), r.expired(), r.message());
  }
}
