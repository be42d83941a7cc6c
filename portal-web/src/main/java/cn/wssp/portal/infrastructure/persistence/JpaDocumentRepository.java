package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<Document> find(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Document.class, id));
  }

  @Override
  public Optional<Document> findForUpdate(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(
        RowLocks.find(em, Document.class, id));
  }

  @Override
  public Optional<Document> byNumber(String number) {
    return em.createQuery("select d from Document d where d.number = :n", Document.class)
        .setParameter("n", number).getResultList().stream().findFirst();
  }

  @Override
  public List<Document> ofApplication(Long applicationId) {
    return em.createQuery("select d from Document d where d.applicationId = :a order by d.id",
            Document.class)
        .setParameter("a", applicationId).getResultList();
  }

  @Override
  public Optional<Document> latest(Long applicationId, DocumentKind kind) {
    return em.createQuery("select d from Document d where d.applicationId = :a and d.kind = :k"
            + " order by d.id desc", Document.class)
        .setParameter("a", applicationId).setParameter("k", kind)
        .setMaxResults(1).getResultList().stream().findFirst();
  }

  @Override
  public Document add(Document document) {
    em.persist(document);
    em.flush();
    return document;
  }

  @Override
  public List<DecisionSignature> signatures(Long documentId) {
    return em.createQuery("select s from DecisionSignature s where s.documentId = :d",
            DecisionSignature.class)
        .setParameter("d", documentId).getResultList();
  }

  @Override
  public void addSignature(DecisionSignature signature) {
    em.persist(signature);
  }

  @Override
  @jakarta.transaction.Transactional
  public int hashClearVerificationCodes() {
    int n = 0;
    for (Document d : em.createQuery("select d from Document d where d.legacyCode is not null",
        Document.class).getResultList()) {
      n += d.hashLegacyCode() ? 1 : 0;
    }
    return n;
  }

  private static final String PUBLISHED = " from Document d, Application a where a.id = d.applicationId"
      + " and d.kind = :k and d.revoked = false and a.status = :s";

  @Override
  public List<Document> publishedApprovals(int offset, int limit) {
    return em.createQuery("select d" + PUBLISHED + " order by d.createdAt desc, d.id desc",
            Document.class)
        .setParameter("k", DocumentKind.APPROVAL_DECISION)
        .setParameter("s", ApplicationStatus.ISSUED)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public List<Document> issuedTo(Long enterpriseId, java.util.Set<DocumentKind> kinds) {
    return em.createQuery("select d from Document d, Application a where a.id = d.applicationId"
            + " and a.enterprise.id = :e and d.kind in :k order by d.createdAt desc, d.id desc",
            Document.class)
        .setParameter("e", enterpriseId).setParameter("k", kinds).getResultList();
  }

  @Override
  public long countPublishedApprovals() {
    return em.createQuery("select count(d)" + PUBLISHED, Long.class)
        .setParameter("k", DocumentKind.APPROVAL_DECISION)
        .setParameter("s", ApplicationStatus.ISSUED).getSingleResult();
  }

  @Override
  public List<Long> archiveRenewalsDue(java.time.Instant dueBy, int max) {
    return em.createQuery("select d.id from Document d where d.signatureCount > 0"
            + " and (d.archiveDue is null or d.archiveDue <= :by) order by d.id", Long.class)
        .setParameter("by", dueBy).setMaxResults(max).getResultList();
  }

  @Override
  public void keepVersion(Long documentId, String objectKey, String sha256, long size,
      java.time.Instant supersededAt, String reason) {
    em.createNativeQuery("INSERT INTO document_version (document_id, object_key, sha256,"
            + " size_bytes, superseded_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, documentId).setParameter(2, objectKey).setParameter(3, sha256)
        .setParameter(4, size).setParameter(5, java.sql.Timestamp.from(supersededAt))
        .setParameter(6, reason).executeUpdate();
  }

  @Override
  public boolean isIssuedVersion(Long documentId, String sha256) {
    Document doc = em.find(Document.class, documentId);
    if (doc == null) {
      return false;
    }
    return doc.sha256().equals(sha256) || ((Number) em.createNativeQuery(
            "SELECT COUNT(*) FROM document_version WHERE document_id = ?1 AND sha256 = ?2")
        .setParameter(1, documentId).setParameter(2, sha256).getSingleResult()).longValue() > 0;
  }
}
