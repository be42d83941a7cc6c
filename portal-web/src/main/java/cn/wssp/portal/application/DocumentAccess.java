package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Downloads of issued documents: for whoever may see the application, checked by SHA-256. */
@ApplicationScoped
public class DocumentAccess {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  DocumentIssuer issuer;

  public record Pdf(Document document, byte[] bytes) {}

  /** An uploaded material's bytes, for the applicant and the staff who judge it. */
  public record MaterialContent(String fileName, String mediaType, byte[] bytes) {}

  @Inject
  ApplicationService applications;

  @Inject
  cn.wssp.portal.infrastructure.PortalResources resources;

  public MaterialContent material(Actor actor, Long applicationId, String materialCode) {
    applications.visible(actor, applicationId);
    cn.wssp.portal.domain.model.MaterialFile f = applications.materialFile(applicationId, materialCode);
    if (f == null) {
      throw DomainException.notFound("材料「" + materialCode + "」的文件");
    }
    try {
      return new MaterialContent(f.fileName(), f.mediaType(),
          resources.objectStore().getVerified(f.objectKey(), f.sha256()));
    } catch (cn.wssp.storage.StorageException e) {
      throw new DomainException("STORAGE_UNAVAILABLE", 503, "材料读取失败：" + e.getMessage());
    }
  }

  public Pdf download(Actor actor, Long documentId) {
    Document doc = documentId == null ? null : em.find(Document.class, documentId);
    if (doc == null) {
      throw DomainException.notFound("文书");
    }
    Application app = em.find(Application.class, doc.applicationId());
    if (!AccessPolicy.canSee(actor, app)) {
      throw DomainException.notFound("文书");
    }
    return new Pdf(doc, issuer.read(doc));
  }
}
