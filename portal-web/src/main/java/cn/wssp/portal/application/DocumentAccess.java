package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.ApplicationRepository;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DelegationRepository;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
  DelegationRepository delegations;

  @Inject
  DocumentIssuer issuer;

  @Inject
  ObjectStore objects;

  @Inject
  AuditTrail audit;

  /** An uploaded material, checked by SHA-256; every read is audited (MATERIAL_DOWNLOADED). */
  @Transactional
  public MaterialContent material(Actor actor, Long applicationId, String materialCode) {
    Application app = applications.visible(actor, applicationId);
    if (!AccessPolicy.canReadMaterials(actor, app)) {
      throw DomainException.forbidden("您的岗位不查看企业的申请材料。")
          .inEnglish("Your role does not read enterprises' materials.");
    }
    MaterialFile f = applications.materialFile(applicationId, materialCode).orElseThrow(() ->
        DomainException.notFound("材料「" + materialCode + "」的文件")
            .inEnglish("The file of material \"" + materialCode
                + "\" does not exist or you may not see it."));
    audit.record(actor, app.id(), AuditAction.MATERIAL_DOWNLOADED, null, null,
        materialCode + " " + f.fileName() + " sha256=" + f.sha256());
    try {
      return new MaterialContent(f.fileName(), f.mediaType(),
          objects.getVerified(f.objectKey(), f.sha256()));
    } catch (StorageException e) {
      throw StorageFaults.unavailable(e);
    }
  }

  /** A notice or decision, checked by SHA-256; every download is audited (DOCUMENT_DOWNLOADED). */
  @Transactional
  public Pdf download(Actor actor, Long documentId) {
    Document doc = documents.find(documentId).orElseThrow(() -> DomainException.notFound("文书")
        .inEnglish("The document does not exist or you may not see it."));
    if (doc.applicationId() == null) {
      return letter(actor, doc);
    }
    Application app = applicationRepository.find(doc.applicationId())
        .filter(a -> AccessPolicy.canReadDocuments(actor, a))
        .orElseThrow(() -> DomainException.notFound("文书")
            .inEnglish("The document does not exist or you may not see it."));
    audit.record(actor, app.id(), AuditAction.DOCUMENT_DOWNLOADED, null, null,
        doc.kind().title() + " " + doc.number());
    return new Pdf(doc, issuer.read(doc));
  }

  /** A delegation letter (委托书): for the center's administrators and the chiefs it names. */
  private Pdf letter(Actor actor, Document doc) {
    delegations.byLetter(doc.id())
        .filter(d -> actor.has(Role.CENTER_ADMIN) || d.names(actor.userId()))
        .orElseThrow(() -> DomainException.notFound("文书")
            .inEnglish("The document does not exist or you may not see it."));
    audit.record(actor, null, AuditAction.DOCUMENT_DOWNLOADED, null, null,
        doc.kind().title() + " " + doc.number());
    return new Pdf(doc, issuer.read(doc));
  }
}
