package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo rule sets on the real portal over HTTP: the licence's credit code, check digit and
 * validity; 容缺 materials; publishing a new version (admin only) that earlier applications do not
 * feel. The published version 2 of SCJG-0002 has the same checks as version 1, so the other
 * integration tests on the shared portal judge the same way whatever the order.
 */
class RulesIT {
  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  static final String M = "SCJG-0001";

  /** An application of the demo applicant with these files, pre-reviewed. */
  static JsonObject preReviewed(Api applicant, String matter, Object... codeAndBytes)
      throws Exception {
    long id = ApiJourneyIT.create(applicant, matter);
    for (int i = 0; i < codeAndBytes.length; i += 2) {
      ApiJourneyIT.upload(applicant, id, (String) codeAndBytes[i], codeAndBytes[i] + ".pdf",
          (byte[]) codeAndBytes[i + 1]);
    }
    ApiJourneyIT.submit(applicant, id);
    return ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
  }

  static List<JsonObject> findings(JsonObject app) {
    return app.getJsonObject("preReview").getJsonArray("findings").stream()
        .map(JsonValue::asJsonObject).toList();
  }

  static JsonObject finding(JsonObject app, String material, String code) {
    return findings(app).stream().filter(f -> material.equals(f.getString("materialCode", null))
        && code.equals(f.getString("code"))).findFirst()
        .orElseThrow(() -> new AssertionError(code + " on " + material + " expected: " + app));
  }

  @Test
  void anotherEnterprisesCreditCodeOnTheLicenceBlocksWithEvidence() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    String foreign = Materials.SECOND.creditCode();
    JsonObject app = preReviewed(applicant, M,
        "application-form", Materials.valid(M, "application-form"),
        "business-license", Materials.licence(Materials.DEMO, foreign, "2099年12月31日"),
        "legal-rep-id", Materials.valid(M, "legal-rep-id"),
        "premises-layout", Materials.valid(M, "premises-layout"),
        "safety-rules", Materials.valid(M, "safety-rules"));
    JsonObject pre = app.getJsonObject("preReview");
    assertEquals("INCOMPLETE", pre.getString("verdict"), pre.toString());
    assertEquals(1, pre.getInt("rulesVersion"));
    JsonObject mismatch = finding(app, "business-license", "CREDIT_CODE_MISMATCH");
    assertEquals("BLOCKING", mismatch.getString("severity"));
    assertTrue(mismatch.getString("message").contains("营业执照副本"), mismatch.toString());
    JsonObject evidence = mismatch.getJsonObject("evidence");
    assertEquals(1, evidence.getInt("page"), mismatch.toString());
    assertTrue(evidence.getString("snippet").contains(foreign), mismatch.toString());
    // The rest passes the demo rules: the only other finding is the form's code differing from
    // the licence's (the matter check sameCreditCode).
    assertEquals(List.of("business-license:CREDIT_CODE_MISMATCH", "application-form:CREDIT_CODE_MISMATCH"),
        findings(app).stream().map(f -> f.getString("materialCode") + ":" + f.getString("code"))
            .toList(), pre.toString());
  }

  @Test
  void aWrongCheckDigitAndAnExpiredLicenceAreNamed() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    String own = Materials.DEMO.creditCode();
    String badDigit = own.substring(0, 17) + (own.endsWith("1") ? "2" : "1");
    JsonObject invalid = preReviewed(applicant, M, "business-license",
        Materials.licence(Materials.DEMO, badDigit, "2099年12月31日"));
    assertEquals("BLOCKING", finding(invalid, "business-license", "CREDIT_CODE_INVALID")
        .getString("severity"));
    JsonObject expired = preReviewed(applicant, M, "business-license",
        Materials.licence(Materials.DEMO, own, "2025年12月31日"));
    assertEquals("BLOCKING", finding(expired, "business-license", "EXPIRED").getString("severity"));
    assertEquals("INCOMPLETE", expired.getJsonObject("preReview").getString("verdict"));
  }

  @Test
  void missingCommitableMaterialsProposeACommitment() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    JsonObject app = preReviewed(applicant, M,
        "application-form", Materials.valid(M, "application-form"),
        "business-license", Materials.valid(M, "business-license"),
        "legal-rep-id", Materials.valid(M, "legal-rep-id"));
    JsonObject pre = app.getJsonObject("preReview");
    assertEquals("COMPLETE_WITH_COMMITMENT", pre.getString("verdict"), pre.toString());
    assertEquals("MISSING_MATERIAL", finding(app, "safety-rules", "MISSING_MATERIAL")
        .getString("code"));
  }

  @Test
  void anyoneReadsTheRulesInForceAndTheGuideListsTheirMaterials() throws Exception {
    JsonObject rules = Api.anonymous(portal).get("/api/v1/matters/" + M + "/rules").json();
    assertEquals(M, rules.getString("matterCode"));
    assertEquals(1, rules.getInt("version"));
    assertFalse(rules.getString("publishedAt").isBlank());
    JsonObject doc = rules.getJsonObject("rules");
    assertEquals("wssp-prereview-rules/1", doc.getString("format"));
    List<String> ruleMaterials = doc.getJsonArray("materials").stream()
        .map(m -> m.asJsonObject().getString("code")).toList();
    assertEquals(List.of("application-form", "business-license", "legal-rep-id",
        "premises-layout", "safety-rules"), ruleMaterials);
    JsonObject guide = Api.anonymous(portal).get("/api/v1/matters").structure().asJsonArray()
        .stream().map(JsonValue::asJsonObject).filter(m -> m.getString("code").equals(M))
        .findFirst().orElseThrow();
    assertEquals(ruleMaterials, guide.getJsonArray("materials").stream()
        .map(m -> m.asJsonObject().getString("code")).toList());
    Api.Reply none = Api.anonymous(portal).get("/api/v1/matters/NO-SUCH/rules");
    assertEquals(404, none.status(), none.toString());
  }

  @Test
  void theAdminPublishesAVersionThatEarlierApplicationsDoNotFeel() throws Exception {
    String matter = "SCJG-0002";
    String path = "/api/v1/matters/" + matter + "/rules";
    Api applicant = Api.login(portal, "applicant");
    Api admin = Api.login(portal, "admin");
    JsonObject before = Api.anonymous(portal).get(path).json();
    assertEquals(1, before.getInt("version"));
    JsonObject earlier = preReviewed(applicant, matter,
        "loss-statement", Materials.valid(matter, "loss-statement"));
    assertEquals("COMPLETE", earlier.getJsonObject("preReview").getString("verdict"));
    assertEquals(1, earlier.getJsonObject("preReview").getInt("rulesVersion"));

    String v2 = before.getJsonObject("rules").toString().replace("\"演示-1\"", "\"演示-2\"");
    Api.Reply byApplicant = applicant.put(path, v2);
    assertEquals(403, byApplicant.status(), byApplicant.toString());
    assertEquals(401, Api.anonymous(portal).put(path, v2).status());
    Api.Reply bad = admin.put(path, v2.replace("\"checks\":[{\"type\":\"keywords\"", "\"checks\":[{\"type\":\"keywords\",\"severity\":\"FATAL\""));
    assertEquals(400, bad.status(), bad.toString());
    assertEquals("INVALID_RULES", bad.json().getString("error"));
    assertTrue(bad.json().getString("message").startsWith("规则集无效：materials[0].checks[0].severity"),
        bad.toString());

    Api.Reply published = admin.put(path, v2);
    assertEquals(200, published.status(), published.toString());
    assertEquals(2, published.json().getInt("version"));
    JsonObject after = Api.anonymous(portal).get(path).json();
    assertEquals(2, after.getInt("version"));
    assertEquals("演示-2", after.getJsonObject("rules").getString("version"));
    assertEquals("admin", after.getString("publishedBy"));

    long earlierId = earlier.getJsonNumber("id").longValue();
    JsonObject reread = applicant.get("/api/v1/applications/" + earlierId).json();
    assertEquals(1, reread.getJsonObject("preReview").getInt("rulesVersion"));
    assertEquals("COMPLETE", reread.getJsonObject("preReview").getString("verdict"));
    JsonObject later = preReviewed(applicant, matter,
        "loss-statement", Materials.valid(matter, "loss-statement"));
    assertEquals(2, later.getJsonObject("preReview").getInt("rulesVersion"));

    Api.Reply audit = admin.get("/api/v1/admin/audit?action=RULES_PUBLISHED");
    assertEquals(200, audit.status(), audit.toString());
    assertTrue(audit.text().contains(matter), audit.toString());
  }
}
