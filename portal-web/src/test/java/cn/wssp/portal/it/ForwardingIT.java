package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 上报件 over real HTTP (SCJG-0003 of the demo): accepted at the window, the department cannot
 * decide it alone; the reviewer forwards it to the province, the public tracking shows the step,
 * and the chief records the province's answer, which issues a sealed decision citing the answer's
 * reference number that pdftotext reads and pdfsig validates.
 */
class ForwardingIT {
  static RunningPortal portal;
  static final String MATTER = "SCJG-0003";
  static final String REFERENCE = "闽市监特食〔2026〕18号";

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
    ApiJourneyIT.work = Files.createDirectories(Path.of("target", "it-work"));
  }

  /** A complete application for the 上报件, submitted by {@code applicant} and accepted at the window. */
  static long accepted(RunningPortal portal, Api applicant) throws Exception {
    long id = ApiJourneyIT.create(applicant, MATTER);
    for (String material : List.of("application-form", "business-license")) {
      ApiJourneyIT.upload(applicant, id, material, material + ".pdf", Materials.valid(MATTER, material));
    }
    ApiJourneyIT.submit(applicant, id);
    JsonObject reviewed = ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals("COMPLETE", reviewed.getJsonObject("preReview").getString("verdict"), reviewed.toString());
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}").status());
    return id;
  }

  @Test
  void aForwardedMatterIsDecidedOnTheHigherAuthoritysAnswer() throws Exception {
    JsonObject guide = Api.anonymous(portal).get("/api/v1/matters").structure().asJsonArray()
        .stream().map(JsonValue::asJsonObject).filter(m -> m.getString("code").equals(MATTER))
        .findFirst().orElseThrow(() -> new AssertionError("the demo has a 上报件"));
    assertEquals("FORWARDED", guide.getString("kind"));

    Api applicant = Api.login(portal, "applicant");
    long id = accepted(portal, applicant);

    Api chief = Api.login(portal, "chief-b");
    String base = "/api/v1/applications/" + id;
    JsonObject accepted = chief.get(base).json();
    assertTrue(accepted.getJsonArray("actions").toString().contains("\"FORWARD\""), accepted.toString());
    assertFalse(accepted.getJsonArray("actions").toString().contains("\"DECISION\""), accepted.toString());
    Api.Reply alone = chief.post(base + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予。\",\"pin\":\"123456\"}");
    assertEquals(409, alone.status(), alone.toString());
    assertEquals("FORWARDING_REQUIRED", alone.json().getString("error"));

    Api reviewer = Api.login(portal, "reviewer");
    String page = "/app/application.xhtml?id=" + id;
    assertTrue(reviewer.get(page).text().contains("forwardAuthority"), "the reviewer's page offers 上报");
    Api.Reply noAuthority = reviewer.post(base + "/forwarding", "{\"opinion\":\"建议准予许可。\"}");
    assertEquals(400, noAuthority.status(), noAuthority.toString());
    assertTrue(noAuthority.json().getString("message").contains("authority"), noAuthority.toString());
    assertEquals(403, Api.login(portal, "clerk").post(base + "/forwarding",
        "{\"authority\":\"福建省市场监督管理局\",\"opinion\":\"同意上报。\"}").status());
    Api.Reply forwarded = reviewer.post(base + "/forwarding",
        "{\"authority\":\"福建省市场监督管理局\",\"opinion\":\"经初审，材料齐全，现场核查符合要求，建议准予许可。\"}");
    assertEquals(200, forwarded.status(), forwarded.toString());
    assertEquals("FORWARDED", forwarded.json().getString("status"));
    assertEquals("福建省市场监督管理局", forwarded.json().getJsonObject("forwarding").getString("authority"));

    JsonObject mine = applicant.get(base).json();
    assertFalse(mine.getJsonObject("forwarding").containsKey("opinion"),
        "the department's initial review is internal: " + mine.getJsonObject("forwarding"));
    Api.Reply tracked = Api.anonymous(portal).get("/api/v1/track/" + mine.getString("number")
        + "?code=" + mine.getString("trackingCode"));
    assertEquals(200, tracked.status(), tracked.toString());
    assertTrue(tracked.text().contains("已上报上级机关"), tracked.text());

    String applicantsPage = applicant.get(page).text();
    assertTrue(applicantsPage.contains("福建省市场监督管理局"), "the applicant sees where it went");
    assertFalse(applicantsPage.contains("现场核查符合要求"), "but not the initial review");
    String chiefsPage = chief.get(page).text();
    assertTrue(chiefsPage.contains("replyReference") && chiefsPage.contains("现场核查符合要求"),
        "the chief's page shows the initial review and the form for the answer");
    assertFalse(chiefsPage.contains("id=\"f:sign\""), "and no decision of the department's own");
    assertTrue(chiefsPage.contains("id=\"f:answerDialog\"") && chiefsPage.contains("id=\"f:replyPin\""),
        "the answer is signed in the PIN dialog");

    Api.Reply noReference = chief.post(base + "/forwarding/return",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予保健食品生产许可。\",\"pin\":\"123456\"}");
    assertEquals(400, noReference.status(), noReference.toString());
    assertTrue(noReference.json().getString("message").contains("reference"), noReference.toString());
    Api.Reply answered = chief.post(base + "/forwarding/return", "{\"outcome\":\"APPROVE\",\"reference\":\""
        + REFERENCE + "\",\"text\":\"准予保健食品生产许可，生产品种：片剂、胶囊。\",\"pin\":\"123456\"}");
    assertEquals(200, answered.status(), answered.toString());
    assertEquals("ISSUED", answered.json().getString("status"));
    JsonObject decision = answered.json().getJsonObject("document");
    assertEquals("APPROVAL_DECISION", decision.getString("kind"));

    byte[] pdf = ApiJourneyIT.download(applicant, decision.getInt("id"));
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", ApiJourneyIT.write(pdf), "-"))
        .replaceAll("\\s+", "");
    assertTrue(text.contains("报请福建省市场监督管理局审批") && text.contains(REFERENCE), text);
    String report = Pdfsig.report(ApiJourneyIT.work, pdf,
        Api.anonymous(portal).get("/api/v1/pki/ca.pem").text());
    assertTrue(report.contains("Signature is Valid"), report);
    assertTrue(applicant.get(base + "/audit").text().contains("FORWARD_ANSWERED"));
  }
}
