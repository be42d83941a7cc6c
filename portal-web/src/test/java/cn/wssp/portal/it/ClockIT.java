package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md's test clock on the real portal: two weeks pass without the window, the sweep deems
 * the application accepted (视为受理) and issues its notice. The clock is put back afterwards.
 */
class ClockIT {
  static RunningPortal portal;
  static final int TWO_WEEKS = 14;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  @Test
  void aSilentWindowMeansDeemedAcceptance() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0002");
    ApiJourneyIT.upload(applicant, id, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");

    Api admin = Api.login(portal, "admin");
    assertEquals(403, Api.login(portal, "clerk").get("/api/v1/admin/clock").status());
    Instant before = Instant.parse(admin.get("/api/v1/admin/clock").json().getString("now"));
    Api.Reply moved = admin.post("/api/v1/admin/clock", "{\"advanceDays\":" + TWO_WEEKS + "}");
    try {
      assertEquals(200, moved.status(), moved.toString());
      Instant after = Instant.parse(moved.json().getString("now"));
      assertTrue(after.isAfter(before.plus(TWO_WEEKS, ChronoUnit.DAYS).minusSeconds(60)), moved.toString());

      Api.Reply swept = Api.login(portal, "admin").post("/api/v1/admin/sweeps/run", null);
      assertEquals(200, swept.status(), swept.toString());
      // The portal's own scheduled sweep may have got there first: the outcome is what counts.
      assertTrue(swept.json().containsKey("deemedAccepted"), swept.toString());

      JsonObject app = Api.login(portal, "applicant").get("/api/v1/applications/" + id).json();
      assertEquals("DEEMED_ACCEPTED", app.getString("status"));
      assertTrue(app.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
          .anyMatch(d -> d.getString("kind").equals("ACCEPTANCE_NOTICE")), app.toString());
      assertTrue(Api.login(portal, "applicant").get("/api/v1/applications/" + id + "/audit")
          .text().contains("DEEMED_ACCEPTED"));
    } finally {
      Api.Reply back = Api.login(portal, "admin").post("/api/v1/admin/clock",
          "{\"advanceDays\":-" + TWO_WEEKS + "}");
      assertEquals(200, back.status(), back.toString());
    }
  }

  /** §5: a promise not kept turns red, the chief revokes, verification says revoked and why. */
  @Test
  void aBrokenCommitmentEndsInARevocationThatVerificationShows() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    ApiJourneyIT.upload(applicant, id, "application-form", "申请书.pdf",
        Materials.valid("SCJG-0001", "application-form"));
    ApiJourneyIT.upload(applicant, id, "business-license", "执照.pdf",
        Materials.valid("SCJG-0001", "business-license"));
    ApiJourneyIT.upload(applicant, id, "legal-rep-id", "身份证.pdf",
        Materials.valid("SCJG-0001", "legal-rep-id"));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    String due = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
    Api.Reply signed = applicant.post("/api/v1/applications/" + id + "/commitment",
        "{\"materials\":[\"premises-layout\",\"safety-rules\"],\"dueDate\":\"" + due + "\"}");
    assertEquals(200, signed.status(), signed.toString());
    assertEquals("OPEN", signed.json().getJsonObject("commitment").getString("status"));
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}").status());
    Api.Reply approved = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予。\",\"pin\":\"123456\"}");
    assertEquals(200, approved.status(), approved.toString());
    String number = approved.json().getJsonObject("document").getString("number");
    byte[] pdf = applicant.get("/api/v1/documents/"
        + approved.json().getJsonObject("document").getJsonNumber("id")).body();

    Api.Reply moved = Api.login(portal, "admin").post("/api/v1/admin/clock", "{\"advanceDays\":10}");
    assertEquals(200, moved.status(), moved.toString());
    try {
      Api.Reply swept = Api.login(portal, "admin").post("/api/v1/admin/sweeps/run", null);
      assertEquals(200, swept.status(), swept.toString());
      // As above: the scheduled sweep may have breached it first; the status below is the check.
      JsonObject red = Api.login(portal, "supervisor").get("/api/v1/applications/" + id).json();
      assertEquals("BREACHED", red.getJsonObject("commitment").getString("status"));
      assertEquals("RED", red.getJsonObject("deadlines").getString("light"));

      Api.Reply revoked = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/revocation",
          "{\"reason\":\"承诺期满未补交经营场所平面布局图\",\"pin\":\"123456\"}");
      assertEquals(200, revoked.status(), revoked.toString());
      assertEquals("REVOKED", revoked.json().getString("status"));
      assertEquals("REVOCATION_DECISION", revoked.json().getJsonObject("document").getString("kind"));

      java.nio.file.Path file = java.nio.file.Files.createTempFile("decision-", ".pdf");
      java.nio.file.Files.write(file, pdf);
      String text = Pdfsig.run(java.util.List.of("pdftotext", "-enc", "UTF-8", file.toString(), "-"));
      var code = java.util.regex.Pattern.compile("验证码[：:]\\s*([A-Z0-9]{12})").matcher(text);
      assertTrue(code.find(), text);
      JsonObject verified = Api.anonymous(portal).get("/api/v1/verify/" + number + "?code="
          + code.group(1)).json();
      assertTrue(verified.getBoolean("revoked"), verified.toString());
      assertTrue(verified.getString("revocationReason").contains("未补交"), verified.toString());
      assertNotNull(verified.getString("revokedAt"));
    } finally {
      assertEquals(200, Api.login(portal, "admin").post("/api/v1/admin/clock",
          "{\"advanceDays\":-10}").status());
    }
  }

  @Test
  void theCalendarIsPublicAndOnlyTheCenterEditsIt() throws Exception {
    Api.Reply year = Api.anonymous(portal).get("/api/v1/admin/calendar/2026");
    assertEquals(200, year.status(), year.toString());
    assertTrue(year.text().contains("2026-10-01") && year.text().contains("2026-10-10"), year.text());
    assertEquals("2026-10-08", Api.anonymous(portal)
        .get("/api/v1/calendar/add-working-days?from=2026-09-30&days=1").json().getString("date"));
    String body = year.text();
    assertEquals(403, Api.login(portal, "clerk").put("/api/v1/admin/calendar/2026", body).status());
    Api.Reply same = Api.login(portal, "admin").put("/api/v1/admin/calendar/2026", body);
    assertEquals(200, same.status(), same.toString());
    assertEquals(400, Api.login(portal, "admin").put("/api/v1/admin/calendar/2026",
        "{\"holidays\":[],\"workdays\":[\"2026-10-12\"]}").status(), "a Monday is no 调休 day");
  }
}
