package cn.wssp.portal.application;

import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.portal.domain.service.Seals;
import cn.wssp.portal.domain.model.*;
import cn.wssp.signing.DocumentAttachment;
import cn.wssp.signing.DraftMark;
import cn.wssp.signing.LicenceDocument;
import cn.wssp.signing.LicenceRenderer;
import cn.wssp.signing.OfficialDocument;
import cn.wssp.signing.OfficialDocumentRenderer;
import cn.wssp.signing.SealPlacement;
import cn.wssp.signing.SignatureRequest;
import cn.wssp.signing.SigningException;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import cn.wssp.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Renders, seals and stores official documents (§3, §6). Every version of a PDF is a new
 * immutable object; the database row points at the latest, with its SHA-256. The object is
 * written before the transaction commits, so no document is ever recorded without its bytes.
 */
@ApplicationScoped
public class DocumentIssuer {
  @Inject
  DocumentRepository documents;

  @Inject
  ObjectStore objects;

  @Inject
  Seals seals;

  @Inject
  Numbers numbers;

  @Inject
  PortalProfile profile;

  @Inject
  TestPause testPause;

  @Inject
  Clock clock;

  @Inject
  EvidenceManifests manifests;

  /** Printed on every page of a preview: it is not a decision. */
  public static final String DRAFT_MARK = "草稿（未签章，不具法律效力）";

  private final OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
  private final LicenceRenderer licenceRenderer = new LicenceRenderer();

  /**
   * A notice of the window (受理/补正/不予受理), issued for the lead department by the center's
   * unified window and sealed with the center's own 受理专用章 (decisions carry the departments'
   * seals).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document issueNotice(Application app, DocumentKind kind, List<String> paragraphs,
      String signerName) {
    Department issuer = app.matter().leadDepartment();
    return issueUnderCenterSeal(app, kind, paragraphs,
        issuer.name() + "（" + profile.centerName() + "统一受理窗口）", signerName);
  }

  /**
   * A decision no department signed: 超时默许, issued by the center itself and sealed with the
   * center's seal, as the window's notices are.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document issueCenterDecision(Application app, DocumentKind kind, List<String> paragraphs,
      String signerName) {
    return issueUnderCenterSeal(app, kind, paragraphs, profile.centerName(), signerName);
  }

  private Document issueUnderCenterSeal(Application app, DocumentKind kind,
      List<String> paragraphs, String issuerLine, String signerName) {
    Document doc = newDocument(app, kind);
    byte[] pdf = render(app, doc, paragraphs, issuerLine, 1);
    pdf = centerSeal(pdf, renderer::sealPlacement, signerName, kind.title());
    store(doc, pdf, 1);
    return doc;
  }

  private byte[] centerSeal(byte[] pdf, SealPlaces places, String signerName, String reason) {
    try {
      return seals.applyCenterSeal(pdf, new SignatureRequest("seal-1",
          places.sealPlacement(pdf, 0), profile.centerName(), signerName, reason,
          profile.centerName()));
    } catch (SigningException e) {
      throw new DomainException("SIGNING_FAILED", 500, "电子签章失败：" + e.getMessage())
          .inEnglish("Electronic sealing failed: " + e.getMessage());
    }
  }

  /**
   * Where the renderer that made a PDF reserved its seal places (a decision's or a licence's
   * renderer): the signer is told where, never works it out.
   */
  @FunctionalInterface
  private interface SealPlaces {
    SealPlacement sealPlacement(byte[] pdf, int slot) throws SigningException;
  }

  /**
   * A document of no application (授权委托书), addressed to a department's people and sealed
   * with the department's seal.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document issueStandalone(DocumentKind kind, String addressee, List<String> paragraphs,
      Department issuer, String signerName) {
    Document doc = new Document(null, kind, numbers.next(kind.prefix()),
        Numbers.verificationCode(), Instant.now(clock));
    byte[] pdf = render(doc, addressee, null, paragraphs, issuer.name(), 1);
    pdf = seal(pdf, issuer, 0, signerName, kind.title());
    store(doc, pdf, 1);
    return doc;
  }

  /** Starts a decision and applies the first department's seal. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document startDecision(Application app, DocumentKind kind, List<String> paragraphs,
      List<Department> signingDepartments, Department first, UserAccount signer) {
    Document doc = newDocument(app, kind);
    List<String> names = signingDepartments.stream().map(Department::name).toList();
    byte[] pdf = render(app, doc, paragraphs, String.join("  ", names), names.size(),
        List.of(manifests.attachmentFor(app, doc, names, doc.createdAt())));
    pdf = seal(pdf, first, signingDepartments.indexOf(first), signer.displayName(), kind.title());
    store(doc, pdf, 1);
    documents.addSignature(new DecisionSignature(doc.id(), first.id(), signer.id(), Instant.now(clock)));
    return doc;
  }

  /**
   * Issues a decision sealed by each of these departments' decisions, one seal place each in
   * the given order (the matter's order of departments). On a joint approval the seals are
   * applied when the last department approves, each under the PIN its chief entered when
   * deciding; each is an incremental PAdES signature that keeps the ones before it valid.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document issueDecision(Application app, DocumentKind kind, List<String> paragraphs,
      List<DepartmentDecision> sealers) {
    Document doc = newDocument(app, kind);
    List<String> names = sealers.stream().map(d -> d.department().name()).toList();
    byte[] pdf = render(app, doc, paragraphs, String.join("  ", names), names.size(),
        List.of(manifests.attachmentFor(app, doc, names, doc.createdAt())));
    for (int slot = 0; slot < sealers.size(); slot++) {
      DepartmentDecision d = sealers.get(slot);
      pdf = seal(pdf, d.department(), slot, d.chief().displayName(), kind.title());
    }
    store(doc, pdf, sealers.size());
    Instant now = Instant.now(clock);
    for (DepartmentDecision d : sealers) {
      documents.addSignature(new DecisionSignature(doc.id(), d.department().id(), d.chief().id(), now));
    }
    return doc;
  }

  /**
   * The licence (电子证照) an approval grants, issued next to {@code decision} and sealed by the
   * same departments, one seal place each in the same order. Valid from today for the matter's
   * years; {@code scope} is what the approval allows (许可内容).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document issueLicence(Application app, Document decision, String scope,
      List<DepartmentDecision> sealers) {
    List<String> names = sealers.stream().map(d -> d.department().name()).toList();
    Document licence = newLicence(app);
    byte[] pdf = renderLicence(app, licence, decision, scope, String.join("  ", names),
        names.size());
    for (int slot = 0; slot < sealers.size(); slot++) {
      DepartmentDecision d = sealers.get(slot);
      pdf = seal(pdf, licenceRenderer::sealPlacement, slot, d.department(),
          d.chief().displayName(), DocumentKind.LICENCE.title());
    }
    store(licence, pdf, sealers.size());
    return licence;
  }

  /** The licence of an approval the center issued itself (超时默许), under the center's seal. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Document issueCenterLicence(Application app, Document decision, String scope,
      String signerName) {
    Document licence = newLicence(app);
    byte[] pdf = renderLicence(app, licence, decision, scope, profile.centerName(), 1);
    pdf = centerSeal(pdf, licenceRenderer::sealPlacement, signerName,
        DocumentKind.LICENCE.title());
    store(licence, pdf, 1);
    return licence;
  }

  private Document newLicence(Application app) {
    return newDocument(app, DocumentKind.LICENCE)
        .validUntil(app.matter().licenceValidUntil(LocalDate.now(clock)));
  }

  private byte[] renderLicence(Application app, Document licence, Document decision,
      String scope, String issuer, int slots) {
    Matter matter = app.matter();
    LocalDate today = LocalDate.now(clock);
    try {
      return licenceRenderer.render(new LicenceDocument(matter.licenceName(), licence.number(),
          app.enterprise().name(), app.enterprise().creditCode(), matter.name(), scope, today,
          licence.validUntil(), issuer, today, decision.number(), licence.verificationCode(),
          verificationUrl(licence), slots));
    } catch (SigningException e) {
      throw new DomainException("DOCUMENT_FAILED", 500, "电子证照生成失败：" + e.getMessage())
          .inEnglish("The electronic licence could not be produced: " + e.getMessage());
    }
  }

  /**
   * The decision as it would be issued, unsigned and marked as a draft on every page
   * (草稿（未签章，不具法律效力）): no number, no verification code, nothing stored.
   */
  public byte[] draft(Application app, DocumentKind kind, List<String> paragraphs,
      List<Department> issuers) {
    try {
      byte[] pdf = renderer.render(new OfficialDocument(kind.title() + "（草稿）", DRAFT_MARK,
          app.enterprise().name(), app.enterprise().creditCode(), paragraphs,
          String.join("  ", issuers.stream().map(Department::name).toList()),
          LocalDate.now(clock), null, null, issuers.size()));
      return DraftMark.stamp(pdf, DRAFT_MARK);
    } catch (SigningException e) {
      throw new DomainException("DOCUMENT_FAILED", 500, "草稿生成失败：" + e.getMessage())
          .inEnglish("The draft could not be produced: " + e.getMessage());
    }
  }

  /** The PDF bytes, checked against the SHA-256 recorded when it was stored. */
  public byte[] read(Document doc) {
    try {
      return objects.getVerified(doc.objectKey(), doc.sha256());
    } catch (StorageException e) {
      throw StorageFaults.unavailable(e);
    }
  }

  public String verificationUrl(Document doc) {
    return profile.publicUrl() + "/verify.xhtml?number="
        + URLEncoder.encode(doc.number(), StandardCharsets.UTF_8) + "&code=" + doc.verificationCode();
  }

  private Document newDocument(Application app, DocumentKind kind) {
    return new Document(app.id(), kind, numbers.next(kind.prefix()), Numbers.verificationCode(),
        Instant.now(clock));
  }

  private byte[] render(Application app, Document doc, List<String> paragraphs, String issuer,
      int slots) {
    return render(app, doc, paragraphs, issuer, slots, List.of());
  }

  /** With attachments (a decision's evidence manifest) the PDF becomes PDF/A-3B. */
  private byte[] render(Application app, Document doc, List<String> paragraphs, String issuer,
      int slots, List<DocumentAttachment> attachments) {
    return render(doc, app.enterprise().name(), app.enterprise().creditCode(), paragraphs, issuer,
        slots, attachments);
  }

  private byte[] render(Document doc, String addressee, String addresseeCode,
      List<String> paragraphs, String issuer, int slots) {
    return render(doc, addressee, addresseeCode, paragraphs, issuer, slots, List.of());
  }

  private byte[] render(Document doc, String addressee, String addresseeCode,
      List<String> paragraphs, String issuer, int slots, List<DocumentAttachment> attachments) {
    try {
      return renderer.render(new OfficialDocument(doc.kind().title(), doc.number(),
          addressee, addresseeCode, paragraphs, issuer,
          LocalDate.now(clock), doc.verificationCode(), verificationUrl(doc), slots), attachments);
    } catch (SigningException e) {
      throw new DomainException("DOCUMENT_FAILED", 500, "文书生成失败：" + e.getMessage())
          .inEnglish("The document could not be produced: " + e.getMessage());
    }
  }

  private byte[] seal(byte[] pdf, Department department, int slot, String signerName,
      String reason) {
    return seal(pdf, renderer::sealPlacement, slot, department, signerName, reason);
  }

  private byte[] seal(byte[] pdf, SealPlaces places, int slot, Department department,
      String signerName, String reason) {
    try {
      return seals.apply(pdf, department, new SignatureRequest("seal-" + (slot + 1),
          places.sealPlacement(pdf, slot), department.name(), signerName, reason,
          profile.centerName()));
    } catch (SigningException e) {
      throw new DomainException("SIGNING_FAILED", 500, "电子签章失败：" + e.getMessage())
          .inEnglish("Electronic sealing failed: " + e.getMessage());
    }
  }

  private void store(Document doc, byte[] pdf, int signatures) {
    String key = attemptKey(doc, signatures, "");
    try {
      StoredObject stored = objects.putImmutable(key, new ByteArrayInputStream(pdf), pdf.length,
          "application/pdf");
      testPause.afterDocumentStored();
      doc.storedAs(key, stored.sha256(), stored.size(), signatures);
      doc.archiveDueAt(archiveRenewalDue(pdf));
      if (doc.id() == null) {
        documents.add(doc);
      }
    } catch (StorageException e) {
      throw StorageFaults.unavailable(e); // the transaction rolls back: nothing half-issued
    }
  }

  /**
   * Extends an issued document by an archive timestamp (PAdES B-LTA) into a new object: the
   * stored version stays as it is (written once) and is recorded as superseded; the row points
   * at the new version with its SHA-256 and next renewal date.
   *
   * @return the new object's key
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String extendForArchive(Document doc) {
    byte[] extended;
    try {
      extended = seals.extendForArchive(read(doc));
    } catch (SigningException e) {
      throw new DomainException("SIGNING_FAILED", 500, "文书长期验证续期失败：" + e.getMessage())
          .inEnglish("The document's long-term validation could not be renewed: "
              + e.getMessage());
    }
    int version = doc.archiveExtensions() + 1;
    String key = attemptKey(doc, doc.signatureCount(), "lta" + version + "-");
    try {
      // Two instances never extend at once: the caller holds the document's row lock.
      StoredObject stored = objects.putImmutable(key, new ByteArrayInputStream(extended),
          extended.length, "application/pdf");
      documents.keepVersion(doc.id(), doc.objectKey(), doc.sha256(), doc.size(),
          Instant.now(clock), "ARCHIVE_TIMESTAMP");
      doc.archiveExtendedTo(key, stored.sha256(), stored.size(), archiveRenewalDue(extended));
      return key;
    } catch (StorageException e) {
      throw StorageFaults.unavailable(e);
    }
  }

  /**
   * A key of its own per attempt. An attempt that died between storing and committing (kill -9)
   * leaves a written-once object behind (an orphan for the reconciliation) and the retry comes
   * back with the same number and version: a key without the random part would collide with
   * that locked object forever, and the document could never be issued or extended again.
   */
  private static String attemptKey(Document doc, int signatures, String what) {
    return Document.OBJECT_PREFIX + doc.number() + "/r" + signatures + "-" + what
        + Numbers.verificationCode() + ".pdf";
  }

  /** When the PDF's newest timestamp expires; null (never) for a PDF without timestamps. */
  Instant archiveRenewalDue(byte[] pdf) {
    try {
      return seals.archiveRenewalDue(pdf).orElse(null);
    } catch (SigningException e) {
      throw new DomainException("DOCUMENT_FAILED", 500, "无法读取文书的时间戳：" + e.getMessage())
          .inEnglish("The document's timestamp could not be read: " + e.getMessage());
    }
  }
}
