package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.InMemoryObjectStoreSha;
import cn.wssp.signing.DocumentAttachment;
import cn.wssp.signing.DocumentAttachments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 办件证据清单: every decision embeds the facts it rests on as a PDF/A-3 associated JSON file,
 * and verification says whether its material hashes are those the portal stores.
 */
class EvidenceManifestTest {
  private final TestPortal portal = new TestPortal();

  private Document decisionOf(Application app) {
    return portal.documentRepo.latest(app.id(), DocumentKind.APPROVAL_DECISION).orElseThrow();
  }

  private static JsonObject manifestIn(byte[] pdf) throws Exception {
    List<DocumentAttachment> files = DocumentAttachments.read(pdf);
    assertEquals(1, files.size());
    assertEquals("evidence.json", files.get(0).fileName());
    assertEquals("application/json", files.get(0).mediaType());
    assertEquals(DocumentAttachment.Relationship.DATA, files.get(0).relationship());
    return Json.createReader(new ByteArrayInputStream(files.get(0).content())).readObject();
  }

  @Test
  void theDecisionCarriesApplicationAcceptanceMaterialsAndOutcome() throws Exception {
    Application app = portal.issued(portal.promised);
    Document decision = decisionOf(app);
    Document notice = portal.documentRepo.latest(app.id(), DocumentKind.ACCEPTANCE_NOTICE)
        .orElseThrow();

    JsonObject m = manifestIn(portal.issuer.read(decision));

    assertEquals("wssp-evidence/1", m.getString("format"));
    JsonObject application = m.getJsonObject("application");
    assertEquals(app.number(), application.getString("number"));
    assertEquals("SCJG-0001", application.getJsonObject("matter").getString("code"));
    assertEquals("食品经营许可（新办）", application.getJsonObject("matter").getString("name"));
    assertEquals("COMPLETE", application.getString("preReviewVerdict"));
    assertEquals(app.rulesVersion() == null, application.isNull("rulesVersion"));
    JsonObject acceptance = m.getJsonObject("acceptance");
    assertEquals("clerk", acceptance.getString("by"));
    assertEquals(app.acceptedAt().toString(), acceptance.getString("at"));
    assertEquals(notice.number(), acceptance.getString("noticeNumber"));
    assertEquals(2, m.getJsonArray("materials").size());
    JsonObject form = m.getJsonArray("materials").getJsonObject(0);
    assertEquals("application-form", form.getString("code"));
    assertEquals("application-form.pdf", form.getString("name"));
    assertEquals(3, form.getInt("size"));
    assertEquals(InMemoryObjectStoreSha.of(new byte[] {1, 2, 3}), form.getString("sha256"));
    JsonObject outcome = m.getJsonObject("decision");
    assertEquals("APPROVED", outcome.getString("outcome"));
    assertEquals(decision.number(), outcome.getString("number"));
    assertEquals(List.of("市场监督管理局"),
        outcome.getJsonArray("departments").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString).toList());
  }

  @Test
  void noticesCarryNoManifest() throws Exception {
    Application app = portal.accepted(portal.promised);
    Document notice = portal.documentRepo.latest(app.id(), DocumentKind.ACCEPTANCE_NOTICE)
        .orElseThrow();
    assertEquals(List.of(), DocumentAttachments.read(portal.issuer.read(notice)));
    VerificationService.Result result =
        portal.verification.verifyUpload(portal.issuer.read(notice));
    assertEquals(new VerificationService.Manifest(false, false), result.manifest());
  }

  @Test
  void verificationComparesTheManifestWithTheStoredMaterials() {
    Application app = portal.issued(portal.promised);
    byte[] pdf = portal.issuer.read(decisionOf(app));

    VerificationService.Result result = portal.verification.verifyUpload(pdf);
    assertTrue(result.registered());
    assertEquals(new VerificationService.Manifest(true, true), result.manifest());

    // The stored record of a material no longer matches what the decision was made on.
    MaterialFile form = portal.applicationRepo.materialFile(app.id(), "application-form")
        .orElseThrow();
    form.replaceWith("application-form.pdf", "application/pdf", 4,
        InMemoryObjectStoreSha.of(new byte[] {9, 9, 9, 9}), form.objectKey(),
        java.time.Instant.now(portal.clock));
    VerificationService.Result after = portal.verification.verifyUpload(pdf);
    assertTrue(after.manifest().present());
    assertFalse(after.manifest().matchesStored());
  }
}
