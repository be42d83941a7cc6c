package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.ApplicationRepository;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.AuditRepository;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DocumentKind;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.signing.DocumentAttachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 办件证据清单: the facts a decision rests on, embedded in the decision PDF as a JSON file
 * (PDF/A-3 associated file, relationship Data) so that the sealed document itself proves which
 * application, which materials (SHA-256, name, size) and which acceptance it decided on, and
 * verification can compare them with what the portal stored.
 */
@ApplicationScoped
public class EvidenceManifests {
  /** The attachment's file name inside the PDF. */
  public static final String FILE_NAME = "evidence.json";
  static final String MEDIA_TYPE = "application/json";
  static final String FORMAT = "wssp-evidence/1";

  @Inject
  ApplicationRepository applications;

  @Inject
  DocumentRepository documents;

  @Inject
  AuditRepository audit;

  /** The manifest of decision {@code doc} on {@code app}, ready to embed. */
  public DocumentAttachment attachmentFor(Application app, Document doc, List<String> departments,
      Instant issuedAt) {
    byte[] json = write(manifest(app, doc, departments, issuedAt));
    return new DocumentAttachment(FILE_NAME, MEDIA_TYPE, "办件证据清单（申请、受理、材料摘要与决定）",
        DocumentAttachment.Relationship.DATA, json);
  }

  JsonObject manifest(Application app, Document doc, List<String> departments, Instant issuedAt) {
    JsonObjectBuilder application = Json.createObjectBuilder()
        .add("number", app.number())
        .add("matter", Json.createObjectBuilder().add("code", app.matter().code())
            .add("name", app.matter().name()).add("version", app.matterVersion()))
        .add("enterprise", app.enterprise().name());
    nullable(application, "rulesVersion", app.rulesVersion());
    nullable(application, "preReviewVerdict",
        app.preReviewVerdict() == null ? null : app.preReviewVerdict().name());
    nullable(application, "submittedAt", app.submittedAt());
    JsonArrayBuilder materials = Json.createArrayBuilder();
    for (MaterialFile m : storedMaterials(app.id())) {
      materials.add(Json.createObjectBuilder().add("code", m.materialCode())
          .add("name", m.fileName()).add("size", m.size()).add("sha256", m.sha256()));
    }
    JsonArrayBuilder sealers = Json.createArrayBuilder();
    departments.forEach(sealers::add);
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("application", application)
        .add("acceptance", acceptance(app))
        .add("materials", materials)
        .add("decision", Json.createObjectBuilder().add("kind", doc.kind().name())
            .add("title", doc.kind().title()).add("number", doc.number())
            .add("outcome", outcome(doc.kind())).add("departments", sealers)
            .add("issuedAt", issuedAt.toString()))
        .build();
  }

  /** Who accepted and when, with the 受理通知书's number; null before acceptance. */
  private JsonValue acceptance(Application app) {
    if (app.acceptedAt() == null) {
      return JsonValue.NULL;
    }
    JsonObjectBuilder b = Json.createObjectBuilder().add("at", app.acceptedAt().toString());
    Optional<AuditEntry> act = audit.ofApplication(app.id()).stream()
        .filter(e -> e.action() == AuditAction.ACCEPTANCE_ACCEPT
            || e.action() == AuditAction.DEEMED_ACCEPTED)
        .reduce((first, second) -> second);
    nullable(b, "by", act.map(AuditEntry::actor).orElse(null));
    nullable(b, "deemed", act.map(e -> e.action() == AuditAction.DEEMED_ACCEPTED).orElse(null));
    nullable(b, "noticeNumber", documents.latest(app.id(), DocumentKind.ACCEPTANCE_NOTICE)
        .map(Document::number).orElse(null));
    return b.build();
  }

  private static String outcome(DocumentKind kind) {
    return switch (kind) {
      case APPROVAL_DECISION -> "APPROVED";
      case DENIAL_DECISION -> "DENIED";
      case REVOCATION_DECISION -> "REVOKED";
      default -> kind.name();
    };
  }

  /**
   * Whether the material hashes of a manifest read from a PDF are exactly those the portal
   * stores for the application now (same material codes, same SHA-256, none more, none less).
   */
  public boolean matchesStored(byte[] manifestJson, Long applicationId) {
    List<String> inManifest;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(manifestJson))) {
      JsonArray materials = reader.readObject().getJsonArray("materials");
      if (materials == null) {
        return false;
      }
      inManifest = materials.getValuesAs(JsonObject.class).stream()
          .map(m -> m.getString("code", "") + ":" + m.getString("sha256", "").toLowerCase())
          .sorted().toList();
    } catch (RuntimeException e) {
      return false; // not JSON, or not our shape: it cannot match
    }
    List<String> stored = storedMaterials(applicationId).stream()
        .map(m -> m.materialCode() + ":" + m.sha256().toLowerCase()).sorted().toList();
    return inManifest.equals(stored);
  }

  private List<MaterialFile> storedMaterials(Long applicationId) {
    return applications.materialFiles(applicationId).stream()
        .filter(m -> m.sha256() != null)
        .sorted(Comparator.comparing(MaterialFile::materialCode))
        .toList();
  }

  private static void nullable(JsonObjectBuilder b, String name, Object value) {
    if (value == null) {
      b.addNull(name);
    } else if (value instanceof Integer i) {
      b.add(name, i);
    } else if (value instanceof Boolean flag) {
      b.add(name, flag);
    } else {
      b.add(name, value.toString());
    }
  }

  private static byte[] write(JsonObject json) {
    StringWriter out = new StringWriter();
    Json.createWriter(out).write(json);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
