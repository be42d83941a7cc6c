package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.util.*;

public class InMemoryDocuments implements DocumentRepository {
  private final List<Document> documents = new ArrayList<>();
  private final List<DecisionSignature> signatures = new ArrayList<>();

  /** The enterprise an application belongs to (set by the test portal: documents know only ids). */
  public java.util.function.Function<Long, Long> enterpriseOf = id -> null;

  @Override
  public List<Document> issuedTo(Long enterpriseId, Set<DocumentKind> kinds) {
    List<Document> mine = new ArrayList<>(documents.stream()
        .filter(d -> d.applicationId() != null && kinds.contains(d.kind())
            && Objects.equals(enterpriseId, enterpriseOf.apply(d.applicationId())))
        .toList());
    Collections.reverse(mine); // newest first
    return mine;
  }

  @Override
  public Optional<Document> find(Long id) {
    return documents.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  @Override
  public Optional<Document> findForUpdate(Long id) {
    return find(id);
  }

  /** Every document (for the object references). */
  public List<Document> all() {
    return List.copyOf(documents);
  }

  @Override
  public Optional<Document> byNumber(String number) {
    return documents.stream().filter(d -> d.number().equals(number)).findFirst();
  }

  @Override
  public List<Document> ofApplication(Long applicationId) {
    return documents.stream().filter(d -> Objects.equals(d.applicationId(), applicationId)).toList();
  }

  @Override
  public Optional<Document> latest(Long applicationId, DocumentKind kind) {
    List<Document> found = ofApplication(applicationId).stream().filter(d -> d.kind() == kind).toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }

  @Override
  public Document add(Document document) {
    documents.add(Ids.assign(document));
    return document;
  }

  @Override
  public List<DecisionSignature> signatures(Long documentId) {
    return signatures.stream().filter(s -> documentId.equals(documentIdOf(s))).toList();
  }

  @Override
  public void addSignature(DecisionSignature signature) {
    signatures.add(Ids.assign(signature));
  }

  @Override
  public int hashClearVerificationCodes() {
    return (int) documents.stream().filter(Document::hashLegacyCode).count();
  }

  private static Long documentIdOf(DecisionSignature s) {
    try {
      var f = DecisionSignature.class.getDeclaredField("documentId");
      f.setAccessible(true);
      return (Long) f.get(s);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Set by the test portal: the application repository the published approvals are joined with. */
  public ApplicationRepository applications;

  private List<Document> published() {
    List<Document> list = new ArrayList<>(documents.stream()
        .filter(d -> d.kind() == DocumentKind.APPROVAL_DECISION && !d.revoked())
        .filter(d -> applications.find(d.applicationId())
            .map(a -> a.status() == ApplicationStatus.ISSUED).orElse(false))
        .toList());
    Collections.reverse(list);
    return list;
  }

  @Override
  public List<Document> publishedApprovals(int offset, int limit) {
    return published().stream().skip(offset).limit(limit).toList();
  }

  @Override
  public long countPublishedApprovals() {
    return published().size();
  }

  /** A superseded version of a document's PDF, as the document_version table keeps it. */
  public record Version(Long documentId, String objectKey, String sha256, long size,
      java.time.Instant supersededAt, String reason) {}

  public final List<Version> versions = new ArrayList<>();

  @Override
  public List<Long> archiveRenewalsDue(java.time.Instant dueBy, int max) {
    return documents.stream().filter(d -> d.signatureCount() > 0)
        .filter(d -> d.archiveDue() == null || !d.archiveDue().isAfter(dueBy))
        .map(Document::id).sorted().limit(max).toList();
  }

  @Override
  public void keepVersion(Long documentId, String objectKey, String sha256, long size,
      java.time.Instant supersededAt, String reason) {
    versions.add(new Version(documentId, objectKey, sha256, size, supersededAt, reason));
  }

  @Override
  public boolean isIssuedVersion(Long documentId, String sha256) {
    return find(documentId).map(d -> d.sha256().equals(sha256)).orElse(false)
        || versions.stream().anyMatch(v -> v.documentId().equals(documentId) && v.sha256().equals(sha256));
  }
}
