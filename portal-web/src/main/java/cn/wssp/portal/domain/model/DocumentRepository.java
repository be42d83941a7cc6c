package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.Optional;

/** Issued notices and decisions, with the department seals on each decision. */
public interface DocumentRepository {
  Optional<Document> find(Long id);

  Optional<Document> byNumber(String number);

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
}
