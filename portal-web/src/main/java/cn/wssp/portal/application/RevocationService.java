package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 撤销 (§5): a chief representative of the deciding department revokes an issued approval
 * (typically when its commitment was breached) with a signed revocation decision; the original
 * decision then verifies as revoked, with date and reason.
 */
@ApplicationScoped
public class RevocationService {
  @Inject
  ApplicationService applications;

  @Inject
  ApplicationRepository applicationRepository;

  @Inject
  DocumentRepository documents;

  @Inject
  DocumentIssuer issuer;

  @Inject
  SealingGuard guard;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  LicenceGrants licences;

  @Inject
  Clock clock;

  @Transactional
  public Document revoke(Actor actor, Long applicationId, String reason, String pin) {
    Application app = applications.visible(actor, applicationId);
    UserAccount chief = guard.authorisedChief(actor, app);
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("撤销决定必须说明理由（reason）。")
          .inEnglish("A revocation must give its reason (reason).");
    }
    if (reason.length() > 1000) {
      throw DomainException.invalid("撤销理由（reason）最多 1000 字。")
          .inEnglish("The reason for the revocation (reason) may be at most 1000 characters"
              + " long.");
    }
    Document decision = documents.latest(app.id(), DocumentKind.APPROVAL_DECISION)
        .filter(d -> app.status() == ApplicationStatus.ISSUED)
        .orElseThrow(() -> DomainException.conflict(
            "申请当前状态为「" + app.status().label() + "」，没有可撤销的准予许可决定。")
            .inEnglish("There is no approval decision to revoke in the application's present"
                + " state (" + inWords(app.status()) + ")."));
    guard.requireRightPin(actor, app, chief, pin);
    Instant now = Instant.now(clock);
    ApplicationStatus from = app.status();
    app.revoke(true);
    decision.revoke(now, reason.trim());
    var licence = licences.revokeWithApproval(app, now, reason.trim());
    applicationRepository.commitment(app.id()).ifPresent(c -> c.revoke(now));
    Department department = chief.department();
    Document revocation = issuer.startDecision(app, DocumentKind.REVOCATION_DECISION,
        OfficialTexts.revocation(app, clock.getZone(), decision, licence, reason.trim()),
        List.of(department), department, chief);
    audit.record(actor, app.id(), AuditAction.REVOKED, from, app.status(),
        "撤销文书 " + decision.number()
            + licence.map(l -> "及电子证照 " + l.number()).orElse("")
            + "，撤销决定书 " + revocation.number() + "：" + reason.trim());
    notifications.tellApplicant(app, "行政许可已撤销",
        "请下载《撤销决定书》（文书编号 " + revocation.number() + "）。"
            + licence.map(l -> "《电子证照》（证照编号 " + l.number() + "）随之撤销。").orElse(""));
    return revocation;
  }

  /** A status in English words for a refusal ("under review"). */
  private static String inWords(ApplicationStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
