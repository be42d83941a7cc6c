package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 限时办结 (issue 8) over real HTTP, on a portal of its own because it moves the test clock:
 * a 审查补正 pauses the review clock, the paused working days show while it runs, and the
 * resubmission moves reviewDue by exactly those days; then the center turns 超时默许 on for the
 * matter, the clock runs out, and the sweep issues an approval under the center's seal that
 * verification judges valid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClocksIT {
  static RunningPortal portal;
  static final String MATTER = "SCJG-0002";
  static final String MATERIAL = "loss-statement";

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.dedicated("clocks");
    portal.start();
  }

  @AfterAll
  static void stopPortal() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  static JsonObject application(Api api, long id) throws Exception {
    Api.Reply r = api.get("/api/v1/applications/" + id);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  static String addWorkingDays(String from, long days) throws Exception {
    return Api.anonymous(portal).get("/api/v1/calendar/add-working-days?from=" + from + "&days="
        + days).json().getString("date");
  }

  /** Moves the portal's clock; tokens issued before may have expired after it. */
  static void advance(int days) throws Exception {
    Api.Reply moved = Api.login(portal, "admin").post("/api/v1/admin/clock",
        "{\"advanceDays\":" + days + "}");
    assertEquals(200, moved.status(), moved.toString());
  }

  @Test
  @Order(1)
  void aReviewSupplementPausesTheClockAndSilencePastItApprovesWhenTheMatterSaysSo()
      throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, MATTER);
    ApiJourneyIT.upload(applicant, id, MATERIAL, "遗失声明.pdf", Materials.valid(MATTER, MATERIAL));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    JsonObject before = application(applicant, id).getJsonObject("deadlines");
    String firstDue = before.getString("reviewDue");
    // 即办件: decided on the spot, so the review is due the day of acceptance (a working day
    // here, or the next one), and the public guide says so rather than "1 个工作日".
    java.time.LocalDate today = java.time.Instant.parse(Api.login(portal, "admin")
        .get("/api/v1/admin/clock").json().getString("now"))
        .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    assertEquals(addWorkingDays(today.minusDays(1).toString(), 1), firstDue,
        "the first working day from today on: " + before);
    String guide = Api.anonymous(portal).get("/matter.xhtml?code=" + MATTER).text();
    assertTrue(guide.contains("当场办结"), "the guide of a 即办件 promises a decision on the spot");
    assertEquals(0, before.getInt("reviewPausedDays"));

    // 审查补正: the reason is required and named; then the clock pauses.
    Api reviewer = Api.login(portal, "reviewer");
    String path = "/api/v1/applications/" + id + "/review-supplement";
    Api.Reply noReason = reviewer.post(path, "{\"materials\":[\"" + MATERIAL + "\"]}");
    assertEquals(400, noReason.status(), noReason.toString());
    assertTrue(noReason.text().contains("reason"), noReason.text());
    assertEquals(403, Api.login(portal, "clerk").post(path,
        "{\"reason\":\"请补正\",\"materials\":[\"" + MATERIAL + "\"]}").status());
    Api.Reply asked = reviewer.post(path,
        "{\"reason\":\"遗失声明未注明登报日期，请重新提供。\",\"materials\":[\"" + MATERIAL + "\"]}");
    assertEquals(200, asked.status(), asked.toString());
    assertEquals("REVIEW_SUPPLEMENT_REQUESTED", asked.json().getString("status"));
    assertEquals(List.of(MATERIAL), asked.json().getJsonObject("reviewSupplement")
        .getJsonArray("materials").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString).toList());
    assertTrue(applicant.get("/api/v1/messages").text().contains("遗失声明未注明登报日期"),
        "the applicant is told, with the reason");

    advance(7);
    applicant = Api.login(portal, "applicant"); // tokens expire as the clock moves
    JsonObject paused = application(applicant, id).getJsonObject("deadlines");
    int pausedDays = paused.getInt("reviewPausedDays");
    assertTrue(pausedDays >= 1, paused.toString());
    assertEquals(addWorkingDays(firstDue, pausedDays), paused.getString("reviewDue"), paused.toString());

    Api.Reply early = applicant.post("/api/v1/applications/" + id + "/submit", null);
    assertEquals(409, early.status(), "the named material must be uploaded again first: " + early);
    ApiJourneyIT.upload(applicant, id, MATERIAL, "遗失声明（补正）.pdf", Materials.valid(MATTER, MATERIAL));
    Api.Reply resubmitted = applicant.post("/api/v1/applications/" + id + "/submit", null);
    assertEquals(200, resubmitted.status(), resubmitted.toString());
    assertEquals("UNDER_REVIEW", resubmitted.json().getString("status"));
    JsonObject after = resubmitted.json().getJsonObject("deadlines");
    assertEquals(pausedDays, after.getInt("reviewPausedDays"));
    assertEquals(addWorkingDays(firstDue, pausedDays), after.getString("reviewDue"),
        "reviewDue moved by exactly the paused working days");
    String trail = applicant.get("/api/v1/applications/" + id + "/audit").text();
    assertTrue(trail.contains("REVIEW_SUPPLEMENT_REQUESTED") && trail.contains("REVIEW_SUPPLEMENT_SUBMITTED"),
        trail);

    // 超时默许: only the center turns it on; GET /matters shows it.
    String options = "/api/v1/admin/matters/" + MATTER + "/options";
    assertEquals(403, Api.login(portal, "clerk").put(options, "{\"deemedApprovalOnTimeout\":true}").status());
    Api.Reply on = Api.login(portal, "admin").put(options, "{\"deemedApprovalOnTimeout\":true}");
    assertEquals(200, on.status(), on.toString());
    assertTrue(on.json().getBoolean("deemedApprovalOnTimeout"));
    JsonObject listed = Api.anonymous(portal).get("/api/v1/matters").structure().asJsonArray()
        .stream().map(JsonValue::asJsonObject).filter(m -> m.getString("code").equals(MATTER))
        .findFirst().orElseThrow();
    assertTrue(listed.getBoolean("deemedApprovalOnTimeout"), listed.toString());

    advance(30);
    applicant = Api.login(portal, "applicant");
    Api.Reply swept = Api.login(portal, "admin").post("/api/v1/admin/sweeps/run", null);
    assertEquals(200, swept.status(), swept.toString());
    assertTrue(swept.json().containsKey("deemedApproved"), swept.toString());
    JsonObject issued = application(applicant, id);
    assertEquals("ISSUED", issued.getString("status"), issued.toString());
    JsonObject decision = issued.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .filter(d -> d.getString("kind").equals("APPROVAL_DECISION")).findFirst().orElseThrow();
    assertTrue(applicant.get("/api/v1/applications/" + id + "/audit").text().contains("DEEMED_APPROVED"));

    byte[] pdf = applicant.get("/api/v1/documents/" + decision.getJsonNumber("id")).body();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("deemed-approval-", ".pdf");
    java.nio.file.Files.write(file, pdf);
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", file.toString(), "-"));
    assertTrue(text.replaceAll("\\s", "").contains("视为准予行政许可"), text);
    Api.Reply verified = Api.anonymous(portal).postFile("/api/v1/verify", "decision.pdf", pdf);
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.json().getBoolean("valid"), verified.toString());
    assertEquals(decision.getString("number"), verified.json().getString("documentNumber"));
  }

  /** 超时默许 of a matter that grants a licence: the center issues the licence too, under its seal. */
  @Test
  @Order(2)
  void aDeemedApprovalOfALicenceMatterIssuesTheLicenceUnderTheCentersSeal() throws Exception {
    long id = LicenceIT.acceptedLicenceMatter(portal, Api.login(portal, "applicant"));
    assertEquals(200, Api.login(portal, "admin").put("/api/v1/admin/matters/SCJG-0001/options",
        "{\"deemedApprovalOnTimeout\":true}").status());
    advance(30);
    Api.Reply swept = Api.login(portal, "admin").post("/api/v1/admin/sweeps/run", null);
    assertEquals(200, swept.status(), swept.toString());
    Api applicant = Api.login(portal, "applicant");
    assertEquals("ISSUED", application(applicant, id).getString("status"));
    JsonObject issued = application(applicant, id);
    JsonObject licence = LicenceIT.document(applicant, id, "LICENCE").orElseThrow(() ->
        new AssertionError("no licence with the deemed approval: " + issued));
    byte[] pdf = ApiJourneyIT.download(applicant, licence.getInt("id"));
    String report = Pdfsig.report(java.nio.file.Files.createDirectories(
        java.nio.file.Path.of("target", "it-work")), pdf,
        Api.anonymous(portal).get("/api/v1/pki/ca.pem").text());
    assertTrue(report.contains("Signature is Valid"), report);
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", ApiJourneyIT.write(pdf), "-"))
        .replaceAll("\\s+", "");
    assertTrue(text.contains("超时默许") && text.contains("食品经营许可证"), text);

    // Five years on, past its last day: verification and 我的证照 say it has expired. Last in
    // this class (the clock cannot go back).
    String number = licence.getString("number");
    String code = ApiJourneyIT.verificationCode(pdf, number);
    JsonObject before = Api.anonymous(portal).get("/api/v1/verify/" + number + "?code=" + code).json();
    assertFalse(before.getBoolean("expired"), before.toString());
    advance(5 * 366);
    JsonObject after = Api.anonymous(portal).get("/api/v1/verify/" + number + "?code=" + code).json();
    assertTrue(after.getBoolean("expired"), after.toString());
    String page = Api.anonymous(portal).get("/verify.xhtml?number=" + number + "&code=" + code).text();
    assertTrue(page.contains("已过期") && !page.contains("未撤销，仍然有效"), page);
  }
}
