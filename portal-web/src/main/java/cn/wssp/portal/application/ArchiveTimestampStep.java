package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DocumentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.Clock;

/** One document's archive timestamp, its new version and its audit entry: all or nothing. */
@ApplicationScoped
public class ArchiveTimestampStep {
  /** What became of one document. */
  public enum Outcome {
    EXTENDED,
    NOT_DUE,
    /** Due, but the timestamping unit's certificate expires no later: nothing to gain. */
    TSA_EXPIRES_FIRST
  }

  @Inject
  DocumentRepository documents;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  /**
   * Extends the document if its evidence expires by {@code dueBy}; a document never looked at
   * first gets its due date from the stored PDF.
   *
   * @param tsaExpiry when the certificates of the timestamping unit that would sign expire
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome renewIfDue(Long documentId, Instant dueBy, Instant tsaExpiry) {
    // Locked: another instance sweeping at once waits, then finds it renewed (not due).
    Document doc = documents.findForUpdate(documentId).orElse(null);
    if (doc == null) {
      return Outcome.NOT_DUE;
    }
    if (doc.archiveDue() == null) {
      doc.archiveDueAt(issuer.archiveRenewalDue(issuer.read(doc)));
    }
    if (doc.archiveDue().isAfter(dueBy)) {
      return Outcome.NOT_DUE;
    }
    if (!tsaExpiry.isAfter(doc.archiveDue())) {
      return Outcome.TSA_EXPIRES_FIRST;
    }
    Instant expiring = doc.archiveDue();
    String previousKey = doc.objectKey();
    String key = issuer.extendForArchive(doc);
    audit.record(Actor.system(), doc.applicationId(), AuditAction.ARCHIVE_TIMESTAMPED, null, null,
        "文书 " + doc.number() + "：时间戳证书 " + DateTimeFormatter.ISO_LOCAL_DATE.format(
            expiring.atZone(clock.getZone())) + " 到期前加盖存档时间戳（PAdES B-LTA），新版本 "
            + key + "，原版本 " + previousKey + " 保留");
    return Outcome.EXTENDED;
  }
}
