package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.Optional;

/** Issued notices and decisions, with the department seals on each decision. */
public interface DocumentRepository {
  Optional<Document> find(Long id);

  Optional<Document> byNumber(String number);

  /**
   * The document with its row locked until the transaction ends: of two instances extending it
   * at once, the second waits and then sees the first one's new version.
   */
  Optional<Document> findForUpdate(Long id);

  /** An application's documents, oldest first. */
  List<Document> ofApplication(Long applicationId);

  /** The newest document of a kind for an application. */
  Optional<Document> latest(Long applicationId, DocumentKind kind);

  /** Stores a new document and gives it its id. */
  Document add(Document document);

  List<DecisionSignature> signatures(Long documentId);

  void addSignature(DecisionSignature signature);

  /** Hashes the verification codes still kept in clear (documents of older versions); how many. */
  int hashClearVerificationCodes();

  /**
   * 结果公示: approval decisions of issued applications that stand (not revoked), newest first,
   * one page of them.
   */
  List<Document> publishedApprovals(int offset, int limit);

  long countPublishedApprovals();

  /**
   * 我的证照: the documents of these kinds issued on any application of the enterprise, newest
   * first.
   */
  List<Document> issuedTo(Long enterpriseId, java.util.Set<DocumentKind> kinds);

  /**
   * Documents whose evidence must be renewed by this instant (PAdES B-LTA), or that were never
   * looked at (no due date recorded yet), oldest first, at most {@code max}.
   */
  List<Long> archiveRenewalsDue(java.time.Instant dueBy, int max);

  /**
   * Keeps the record of a superseded version of a document's PDF (its object stays in the
   * store: issued documents are written once).
   */
  void keepVersion(Long documentId, String objectKey, String sha256, long size,
      java.time.Instant supersededAt, String reason);

  /**
   * Whether {@code sha256} is a version this document was issued in: the current one or one an
   * archive timestamp superseded (what the applicant downloaded before stays theirs).
   */
  boolean isIssuedVersion(Long documentId, String sha256);
}
