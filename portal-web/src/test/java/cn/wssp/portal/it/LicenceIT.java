package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 电子证照 on the real portal: a matter that grants a licence says so in its guide; its approval
 * issues the licence next to the decision, sealed (pdfsig), verifiable by number and code, listed
 * in 我的证照, and revoked with the decision; a matter without licence issues none.
 */
class LicenceIT {
  static RunningPortal portal;
  static Path work;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
    work = Files.createDirectories(Path.of("target", "it-work"));
  }

  @Test
  void theGuideSaysWhichLicenceTheMatterGrants() throws Exception {
    JsonObject food = Api.anonymous(portal).get("/api/v1/matters/SCJG-0001").json();
    assertEquals("食品经营许可证", food.getString("licenceName"), food.toString());
    assertEquals(5, food.getInt("licenceYears"));
    JsonObject lost = Api.anonymous(portal).get("/api/v1/matters/SCJG-0002").json();
    assertTrue(!lost.containsKey("licenceName") || lost.isNull("licenceName"), lost.toString());
    String page = Api.anonymous(portal).get("/matter.xhtml?code=SCJG-0001").text();
    assertTrue(page.contains("办结颁发"), page);
    assertTrue(page.contains("食品经营许可证（有效期 5 年）"), page);
    assertFalse(Api.anonymous(portal).get("/matter.xhtml?code=SCJG-0002").text().contains("办结颁发"));
  }

  @Test
  void anApprovalIssuesTheSealedLicenceWhichVerifiesUntilRevoked() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    Api chief = Api.login(portal, "chief-b");
    long id = acceptedLicenceMatter(portal, applicant);
    Api.Reply decided = chief.post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"许可经营项目：预包装食品销售、热食类食品制售。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    JsonObject decision = decided.json().getJsonObject("document");
    assertEquals("APPROVAL_DECISION", decision.getString("kind"));

    JsonObject licence = document(applicant, id, "LICENCE").orElseThrow(() ->
        new AssertionError("no licence issued with " + decision));
    assertTrue(licence.getString("number").startsWith("ZZ"), licence.toString());
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertEquals(today.plusYears(5).minusDays(1).toString(), licence.getString("validUntil"));
    assertEquals(1, licence.getInt("signatures"));

    byte[] pdf = ApiJourneyIT.download(applicant, licence.getInt("id"));
    String rootPem = Api.anonymous(portal).get("/api/v1/pki/ca.pem").text();
    String report = Pdfsig.report(work, pdf, rootPem);
    assertTrue(report.contains("Signature is Valid"), report);
    assertTrue(report.contains("Certificate is Trusted"), report);
    assertTrue(report.contains("市场监督管理局"), report);
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", ApiJourneyIT.write(pdf), "-"))
        .replaceAll("\\s+", "");
    for (String field : List.of("食品经营许可证", licence.getString("number"), "演示科技有限公司",
        "食品经营许可（新办）", "热食类食品制售", decision.getString("number"), "有效期限",
        "发证机关：市场监督管理局")) {
      assertTrue(text.contains(field), field + " missing from the licence: " + text);
    }

    // Public verification by number and the code printed on it, as for a decision.
    String number = licence.getString("number");
    String code = ApiJourneyIT.verificationCode(pdf, number);
    JsonObject valid = Api.anonymous(portal).get("/api/v1/verify/" + number + "?code=" + code).json();
    assertTrue(valid.getBoolean("valid"), valid.toString());
    assertFalse(valid.getBoolean("revoked"), valid.toString());
    assertEquals("电子证照", valid.getString("title"));
    assertEquals(licence.getString("validUntil"), valid.getString("validUntil"));
    String verifyPage = Api.anonymous(portal).get("/verify.xhtml?number="
        + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&code=" + code).text();
    assertTrue(verifyPage.contains(licence.getString("validUntil")), verifyPage);

    // 我的证照 lists it with its number and validity, in the applicant's session.
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    SecurityIT.formLogin(portal, browser, "applicant");
    String licences = browser.send(HttpRequest.newBuilder(
            URI.create(portal.url() + "/app/licences.xhtml")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String item = licences.substring(licences.indexOf("data-document=\"" + licence.getInt("id") + "\""));
    item = item.substring(0, item.indexOf("</li>"));
    assertTrue(item.contains(number) && item.contains("有效期至")
        && item.contains(licence.getString("validUntil")) && item.contains("有效"), item);
    String appPage = browser.send(HttpRequest.newBuilder(
            URI.create(portal.url() + "/app/application.xhtml?id=" + id)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(appPage.contains("有效期至 <time datetime=\"" + licence.getString("validUntil") + "\">"),
        appPage);

    // Revoking the decision revokes its licence: verification says so.
    Api.Reply revoked = chief.post("/api/v1/applications/" + id + "/revocation",
        "{\"reason\":\"以欺骗手段取得许可\",\"pin\":\"123456\"}");
    assertEquals(200, revoked.status(), revoked.toString());
    JsonObject after = Api.anonymous(portal).get("/api/v1/verify/" + number + "?code=" + code).json();
    assertTrue(after.getBoolean("revoked"), after.toString());
    assertEquals("以欺骗手段取得许可", after.getString("revocationReason"));
    assertTrue(document(applicant, id, "LICENCE").orElseThrow().getBoolean("revoked"));
  }

  @Test
  void aMatterWithoutLicenceIssuesNone() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0002");
    ApiJourneyIT.upload(applicant, id, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}").status());
    Api.Reply decided = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予补领。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    assertTrue(document(applicant, id, "APPROVAL_DECISION").isPresent());
    assertTrue(document(applicant, id, "LICENCE").isEmpty(), "营业执照遗失补领 grants no licence");
  }

  /** An application for 食品经营许可 (SCJG-0001, grants 食品经营许可证), complete and accepted. */
  static long acceptedLicenceMatter(RunningPortal portal, Api applicant) throws Exception {
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    ApiJourneyIT.upload(applicant, id, "application-form", "申请书.pdf", Materials.valid("SCJG-0001", "application-form", 2));
    ApiJourneyIT.upload(applicant, id, "business-license", "执照.pdf", Materials.valid("SCJG-0001", "business-license"));
    ApiJourneyIT.upload(applicant, id, "legal-rep-id", "身份证.pdf", Materials.valid("SCJG-0001", "legal-rep-id"));
    ApiJourneyIT.upload(applicant, id, "premises-layout", "布局图.pdf", Materials.valid("SCJG-0001", "premises-layout"));
    ApiJourneyIT.upload(applicant, id, "safety-rules", "制度.pdf", Materials.valid("SCJG-0001", "safety-rules", 3));
    ApiJourneyIT.submit(applicant, id);
    assertEquals("COMPLETE", ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED")
        .getJsonObject("preReview").getString("verdict"));
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}").status());
    return id;
  }

  static Optional<JsonObject> document(Api api, long id, String kind) throws Exception {
    return api.get("/api/v1/applications/" + id).json().getJsonArray("documents").stream()
        .map(JsonValue::asJsonObject).filter(d -> d.getString("kind").equals(kind)).findFirst();
  }
}
