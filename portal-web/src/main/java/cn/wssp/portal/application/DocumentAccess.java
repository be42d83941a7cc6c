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
