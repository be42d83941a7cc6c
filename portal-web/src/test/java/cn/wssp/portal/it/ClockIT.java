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
    ApiJourneyIT.upload(applicant, id, "loss-statement", "遗失声明.pdf", TestFiles.pdf("遗失声明", 1));
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
      assertTrue(swept.json().getInt("deemedAccepted") >= 1, swept.toString());

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
