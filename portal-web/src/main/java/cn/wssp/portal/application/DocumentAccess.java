package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.ApplicationRepository;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reading what an application holds: issued documents and uploaded materials, for whoever may
 * see the application, each checked against its SHA-256.
 */
@ApplicationScoped
public class DocumentAccess {
  public record Pdf(Document document, byte[] bytes) {}

  /** An uploaded material's bytes, for the applicant and the staff who judge it. */
  public record MaterialContent(String fileName, String mediaType, byte[] bytes) {}

  @Inject
  ApplicationService applications;

  @Inject
  ApplicationRepository applicationRepository;

  @Inject
  DocumentRepository documents;

  @Inject
  DocumentIssuer issuer;

  @Inject
  ObjectStore objects;

  public MaterialContent material(Actor actor, Long applicationId, String materialCode) {
    applications.visible(actor, applicationId);
    MaterialFile f = applications.materialFile(applicationId, materialCode).orElseThrow(() ->
        DomainException.notFound("材料「" + materialCode + "」的文件"));
    try {
      return new MaterialContent(f.fileName(), f.mediaType(),
          objects.getVerified(f.objectKey(), f.sha256()));
    } catch (StorageException e) {
      throw new DomainException("STORAGE_UNAVAILABLE", 503, "材料读取失败：" + e.getMessage());
    }
  }

  public Pdf download(Actor actor, Long documentId) {
    Document doc = documents.find(documentId).orElseThrow(() -> DomainException.notFound("文书"));
    boolean visible = applicationRepository.find(doc.applicationId())
        .map(app -> AccessPolicy.canSee(actor, app)).orElse(false);
    if (!visible) {
      throw DomainException.notFound("文书");
    }
    return new Pdf(doc, issuer.read(doc));
  }
}
