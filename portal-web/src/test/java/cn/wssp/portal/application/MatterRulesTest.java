package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.InMemoryObjectStoreSha;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.signing.OfficialDocument;
import cn.wssp.signing.OfficialDocumentRenderer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Versioned rule sets: publishing (admin only, validated, audited), the material list derived
 * from the version in force, and applications judged under the version of their submission, on
 * the real pre-reviewer and real PDFs.
 */
class MatterRulesTest {
  static final String DEMO_CODE = CreditCode.complete("91350100M0001XU43");

  static PreReviewer preReviewer;
  static byte[] form;
  static byte[] layout;

  final TestPortal portal = new TestPortal();
  final PreReviewJob job;

  @BeforeAll
  static void realParts() throws Exception {
    preReviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false));
    form = pdf("食品经营许可申请书", "申请从事食品销售。");
    layout = pdf("经营场所平面布局图", "一层：操作间、仓库。");
  }

  static byte[] pdf(String title, String text) throws Exception {
    return new OfficialDocumentRenderer().render(new OfficialDocument(title, "T-1",
        "演示科技有限公司", DEMO_CODE, List.of(text, "统一社会信用代码：" + DEMO_CODE),
        "演示科技有限公司", LocalDate.of(2026, 11, 23), "ABCDEFGH", "http://localhost/verify", 1));
  }

  @AfterAll
  static void close() {
    preReviewer.close();
  }

  MatterRulesTest() {
    job = portal.preReviewJob(preReviewer);
    portal.rules.preReviewer = preReviewer;
  }

  @Test
  void aDraftIsTriedOnASampleBeforeItIsPublished() {
    Actor admin = actor(portal.admin);
    // The sample form lacks the word the draft asks for: the trial says so, nothing is published.
    List<MatterRules.TrialFinding> findings = portal.rules.trial(admin, rules("草稿", "承诺书"),
        "application-form", "申请书.pdf", form, "演示科技有限公司", DEMO_CODE);
    assertEquals(List.of("KEYWORD_MISSING"), findings.stream().map(MatterRules.TrialFinding::code).toList(),
        findings.toString());
    assertEquals("须补正", findings.get(0).severityLabel());
    assertTrue(findings.get(0).message().contains("承诺书"), findings.toString());
    // The same sample under a draft it satisfies: no finding; another enterprise's code: mismatch.
    assertEquals(List.of(), portal.rules.trial(admin, rules("草稿", "申请书"), "application-form",
        "申请书.pdf", form, "演示科技有限公司", DEMO_CODE));
    assertEquals(List.of("CREDIT_CODE_MISMATCH"), portal.rules.trial(admin, rules("草稿", "申请书"),
        "application-form", "申请书.pdf", form, "别家公司", "91350102MA2Y8K3L08").stream()
        .map(MatterRules.TrialFinding::code).toList());
    // Only the admin; a material the draft does not list, or no file, is said plainly.
    assertEquals(403, assertThrows(DomainException.class, () -> portal.rules.trial(actor(portal.clerk),
        rules("草稿", "申请书"), "application-form", "a.pdf", form, null, null)).status());
    assertEquals(400, assertThrows(DomainException.class, () -> portal.rules.trial(admin,
        rules("草稿", "申请书"), "legal-rep-id", "a.pdf", form, null, null)).status());
    assertEquals(400, assertThrows(DomainException.class, () -> portal.rules.trial(admin,
        rules("草稿", "申请书"), "application-form", "a.pdf", new byte[0], null, null)).status());
  }

  /** The 承诺件's rules: the form must name the word {@code formWord} and the applicant's code. */
  static String rules(String label, String formWord) {
    return """
        {"format": "wssp-prereview-rules/1", "matter": "食品经营许可（新办）", "version": "%s",
         "materials": [
          {"code": "application-form", "name": "食品经营许可申请书", "required": true,
           "acceptedTypes": ["application/pdf"], "maxBytes": 10485760, "maxPages": 20,
           "checks": [{"type": "keywords", "all": ["%s"]},
                      {"type": "creditCode", "matchApplicant": true}]},
          {"code": "premises-layout", "name": "经营场所平面布局图", "required": true,
           "commitable": true, "acceptedTypes": ["application/pdf"],
           "checks": [{"type": "keywords", "any": ["平面", "布局"]}]}
         ]}
        """.formatted(label, formWord);
  }

  void upload(Application app, String material, byte[] bytes) {
    String key = "m/" + app.id() + "/" + material;
    portal.objects.objects.put(key, bytes);
    portal.applications.recordMaterial(actor(portal.applicant), app.id(), material,
        material + ".pdf", "application/pdf", bytes.length, InMemoryObjectStoreSha.of(bytes), key);
  }

  Application submittedAndReviewed() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    upload(app, "application-form", form);
    upload(app, "premises-layout", layout);
    portal.applications.submit(actor(portal.applicant), app.id());
    job.run(app.id());
    return app;
  }

  @Test
  void aMaterialsEnglishNameComesWithItsRuleSetAndGoesWithIt() {
    portal.rules.publish(actor(portal.admin), "SCJG-0001", rules("v1", "申请书").replace(
        "\"name\": \"经营场所平面布局图\",", "\"name\": \"经营场所平面布局图\", \"nameEn\": \"Floor plan\","));
    MatterView guide = portal.catalog.one("SCJG-0001");
    assertNull(guide.materials().get(0).nameEn(), "none given");
    assertEquals("Floor plan", guide.materials().get(1).nameEn());
    assertEquals(java.util.Map.of(MatterRepository.materialKey("premises-layout", "经营场所平面布局图"),
        "Floor plan"), portal.matterRepo.materialEnglishNames());

    portal.rules.publish(actor(portal.admin), "SCJG-0001", rules("v2", "申请书"));
    assertNull(portal.catalog.one("SCJG-0001").materials().get(1).nameEn(),
        "a version without it takes it away");
    assertTrue(portal.matterRepo.materialEnglishNames().isEmpty());
  }

  @Test
  void theAdminPublishesVersionsAndTheGuideListsTheMaterialsOfTheVersionInForce() {
    MatterRules.RulesView first = portal.rules.publish(actor(portal.admin), "SCJG-0001",
        rules("v1", "申请书"));
    assertEquals(1, first.version());
    assertEquals("admin", first.publishedBy());
    MatterRules.RulesView second = portal.rules.publish(actor(portal.admin), "SCJG-0001",
        rules("v2", "申请书").replace("\"premises-layout\", \"name\": \"经营场所平面布局图\"",
            "\"floor-plan\", \"name\": \"经营场所平面图\""));
    assertEquals(2, second.version());
    assertEquals(2, portal.rules.inForce("SCJG-0001").version());
    assertTrue(portal.rules.inForce("SCJG-0001").document().contains("\"v2\""));
    MatterView guide = portal.catalog.one("SCJG-0001");
    assertEquals(List.of("application-form", "floor-plan"),
        guide.materials().stream().map(MatterView.MaterialView::code).toList());
    assertEquals("经营场所平面图", guide.materials().get(1).name());
    assertTrue(guide.materials().get(1).commitable());
    assertEquals(MatterRules.DEFAULT_MAX_BYTES, guide.materials().get(1).maxBytes());
    assertEquals(2, guide.version());
    assertEquals(2, portal.auditRepo.entries.stream()
        .filter(e -> e.action() == AuditAction.RULES_PUBLISHED).count());
  }

  @Test
  void onlyTheCenterAdminPublishes() {
    DomainException refused = assertThrows(DomainException.class, () -> portal.rules.publish(
        actor(portal.applicant), "SCJG-0001", rules("v1", "申请书")));
    assertEquals(403, refused.status());
    assertEquals("FORBIDDEN", refused.code());
    assertTrue(portal.ruleSetRepo.inForce(portal.promised.id()).isEmpty());
  }

  @Test
  void aBadDocumentIsRefusedWithTheReadersChineseMessage() {
    DomainException severity = assertThrows(DomainException.class, () -> portal.rules.publish(
        actor(portal.admin), "SCJG-0001", rules("v1", "申请书")
            .replace("{\"type\": \"keywords\", \"all\"", "{\"type\": \"keywords\", \"severity\": \"FATAL\", \"all\"")));
    assertEquals("INVALID_RULES", severity.code());
    assertEquals(400, severity.status());
    assertEquals("规则集无效：materials[0].checks[0].severity：应为 BLOCKING 或 WARNING，实为 \"FATAL\"",
        severity.getMessage());
    DomainException notJson = assertThrows(DomainException.class, () -> portal.rules.publish(
        actor(portal.admin), "SCJG-0001", "{\"format\": "));
    assertEquals("INVALID_RULES", notJson.code());
    assertTrue(notJson.getMessage().startsWith("规则集无效："), notJson.getMessage());
    // Nothing was published, and the guide's list is the one it had.
    assertTrue(portal.ruleSetRepo.inForce(portal.promised.id()).isEmpty());
    assertEquals(2, portal.catalog.one("SCJG-0001").materials().size());
  }

  @Test
  void anApplicationIsJudgedUnderTheVersionInForceAtItsFirstSubmission() {
    portal.rules.publish(actor(portal.admin), "SCJG-0001", rules("v1", "申请书"));
    Application early = submittedAndReviewed();
    assertEquals(1, early.rulesVersion());
    assertEquals(Verdict.COMPLETE, early.preReviewVerdict(),
        portal.applications.findingsOf(early.id()).toString());

    // Version 2 wants a word the form does not have.
    portal.rules.publish(actor(portal.admin), "SCJG-0001", rules("v2", "法定代表人签字"));
    ApplicationView reread = portal.views.of(actor(portal.applicant), early.id());
    assertEquals(Verdict.COMPLETE, reread.preReview().verdict());
    assertEquals(1, reread.preReview().rulesVersion());
    assertEquals("v1", portal.rules.ruleSetOf(early).version());

    Application late = submittedAndReviewed();
    assertEquals(2, late.rulesVersion());
    assertEquals(Verdict.INCOMPLETE, late.preReviewVerdict());
    FindingRecord missing = portal.applications.findingsOf(late.id()).stream()
        .filter(f -> f.code().equals("KEYWORD_MISSING")).findFirst().orElseThrow();
    assertEquals("application-form", missing.materialCode());
    assertTrue(missing.blocking());
    assertTrue(missing.message().contains("法定代表人签字"), missing.message());

    // 补正 and resubmission: still judged under version 1.
    portal.acceptance.decide(actor(portal.clerk), early.id(), AcceptanceAction.SUPPLEMENT,
        "请补充法定代表人签字。");
    portal.applications.submit(actor(portal.applicant), early.id());
    job.run(early.id());
    assertEquals(1, early.rulesVersion());
    assertEquals(Verdict.COMPLETE, early.preReviewVerdict());
  }

  @Test
  void anotherEnterprisesCreditCodeIsAMismatchWithEvidence() throws Exception {
    portal.rules.publish(actor(portal.admin), "SCJG-0001", rules("v1", "申请书"));
    String foreign = CreditCode.complete("91350102MA2Y8K3L0");
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    upload(app, "application-form", new OfficialDocumentRenderer().render(new OfficialDocument(
        "食品经营许可申请书", "T-1", "演示科技有限公司", foreign, List.of("统一社会信用代码：" + foreign),
        "演示科技有限公司", LocalDate.of(2026, 11, 23), "ABCDEFGH", "http://localhost/verify", 1)));
    upload(app, "premises-layout", layout);
    portal.applications.submit(actor(portal.applicant), app.id());
    job.run(app.id());
    assertEquals(Verdict.INCOMPLETE, app.preReviewVerdict());
    ApplicationView.FindingView mismatch = portal.views.of(actor(portal.applicant), app.id())
        .preReview().findings().stream().filter(f -> f.code().equals("CREDIT_CODE_MISMATCH"))
        .findFirst().orElseThrow();
    assertEquals(Severity.BLOCKING, mismatch.severity());
    assertNotNull(mismatch.evidence(), mismatch.toString());
    assertEquals(1, mismatch.evidence().page());
    assertTrue(mismatch.evidence().snippet().contains(foreign), mismatch.evidence().snippet());
  }

  @Test
  void withoutAPublishedRuleSetTheMaterialListIsTheRule() {
    Application app = submittedAndReviewed();
    assertNull(app.rulesVersion());
    assertEquals(Verdict.COMPLETE, app.preReviewVerdict());
    assertEquals("requirements", portal.rules.ruleSetOf(app).version());
  }
}
