package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 办件查询, 好差评 and 电子监察 on the running portal: an anonymous visitor follows an
 * application by number and code, the owner rates it once issued, the supervisor reads the
 * summary and the CSV export; the public pages answer.
 */
class TrackingIT {
  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  @Test
  void trackedAnonymouslyRatedOnceAndSupervised() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    Api anonymous = Api.anonymous(portal);
    long id = ApiJourneyIT.create(applicant, "SCJG-0002");
    JsonObject draft = applicant.get("/api/v1/applications/" + id).json();
    String number = draft.getString("number");
    String code = draft.getString("trackingCode");
    assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), code);

    ApiJourneyIT.upload(applicant, id, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");

    Api.Reply tracked = anonymous.get("/api/v1/track/" + number + "?code=" + code.toLowerCase());
    assertEquals(200, tracked.status(), tracked.toString());
    JsonObject t = tracked.json();
    assertEquals(number, t.getString("number"));
    assertEquals("PRE_REVIEWED", t.getString("status"));
    assertEquals(List.of("提交申请", "预审完成"), steps(t));
    assertNotNull(t.getJsonObject("deadlines").getString("preReviewDue"));

    Api.Reply wrongCode = anonymous.get("/api/v1/track/" + number + "?code=ZZZZZZZZ");
    Api.Reply wrongNumber = anonymous.get("/api/v1/track/SQ1999000001?code=" + code);
    assertEquals(404, wrongCode.status(), wrongCode.toString());
    assertEquals(404, wrongNumber.status(), wrongNumber.toString());
    assertEquals(wrongCode.json().getString("message"), wrongNumber.json().getString("message"));

    // Not issued yet: no rating.
    assertEquals(409, applicant.post("/api/v1/applications/" + id + "/evaluation", "{\"score\":5}").status());

    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    Api.Reply decided = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予补领营业执照。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());

    t = anonymous.get("/api/v1/track/" + number + "?code=" + code).json();
    assertEquals("ISSUED", t.getString("status"));
    assertEquals("已办结", t.getString("statusLabel"));
    assertEquals(List.of("提交申请", "预审完成", "受理", "准予许可", "办结"), steps(t));
    JsonObject approve = t.getJsonArray("steps").getJsonObject(3);
    assertEquals("市场监督管理局", approve.getString("department"));
    String whole = t.toString();
    for (String personal : List.of("演示科技", "applicant", "clerk", "chief-b", "准予补领营业执照")) {
      assertFalse(whole.contains(personal), "tracking leaks " + personal + ": " + whole);
    }

    // 好差评: range, length, once.
    String path = "/api/v1/applications/" + id + "/evaluation";
    Api.Reply badScore = applicant.post(path, "{\"score\":6}");
    assertEquals(400, badScore.status(), badScore.toString());
    assertTrue(badScore.json().getString("message").contains("score"), badScore.toString());
    Api.Reply longComment = applicant.post(path, "{\"score\":4,\"comment\":\"" + "好".repeat(501) + "\"}");
    assertEquals(400, longComment.status(), longComment.toString());
    assertTrue(longComment.json().getString("message").contains("comment"), longComment.toString());
    Api.Reply rated = applicant.post(path, "{\"score\":4,\"comment\":\"办理很快。\"}");
    assertEquals(201, rated.status(), rated.toString());
    assertEquals(4, rated.json().getInt("score"));
    Api.Reply again = applicant.post(path, "{\"score\":1}");
    assertEquals(409, again.status(), again.toString());
    JsonObject view = applicant.get("/api/v1/applications/" + id).json();
    assertEquals(4, view.getJsonObject("evaluation").getInt("score"));
    assertEquals("办理很快。", view.getJsonObject("evaluation").getString("comment"));
    assertTrue(view.getJsonObject("evaluation").containsKey("at"));
    assertFalse(Api.login(portal, "clerk").get("/api/v1/applications/" + id).json()
        .containsKey("trackingCode"), "only the owner sees the tracking code");

    // 电子监察.
    Api supervisor = Api.login(portal, "supervisor");
    Api.Reply summary = supervisor.get("/api/v1/supervision/summary");
    assertEquals(200, summary.status(), summary.toString());
    JsonObject s = summary.json();
    for (String key : List.of("open", "byLight", "overdue", "onTimeRate", "commitments", "byDepartment")) {
      assertTrue(s.containsKey(key), key + " in " + s);
    }
    for (String light : List.of("GREEN", "YELLOW", "RED")) {
      assertTrue(s.getJsonObject("byLight").containsKey(light), s.toString());
    }
    for (String key : List.of("open", "due", "breached")) {
      assertTrue(s.getJsonObject("commitments").containsKey(key), s.toString());
    }
    JsonObject market = s.getJsonArray("byDepartment").stream().map(JsonValue::asJsonObject)
        .filter(d -> d.getString("department").equals("市场监督管理局")).findFirst().orElseThrow();
    assertTrue(market.containsKey("averageRating"), market.toString());
    assertTrue(market.containsKey("onTimeRate"), market.toString());
    assertEquals(403, Api.login(portal, "admin").get("/api/v1/supervision/summary").status());

    Api.Reply csv = supervisor.get("/api/v1/supervision/export.csv");
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertEquals((byte) 0xEF, csv.body()[0], "UTF-8 byte-order mark for Excel");
    String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
    assertTrue(text.startsWith("number,matter,departments,status,submittedAt,preReviewDue,reviewDue,light,outcome,decidedAt\r\n"), text);
    String line = text.lines().filter(l -> l.startsWith(number + ",")).findFirst().orElseThrow();
    assertTrue(line.contains(",ISSUED,") && line.contains(",APPROVED,"), line);
    assertTrue(line.contains("市场监督管理局"), line);

    // The public pages.
    Api.Reply page = anonymous.get("/track.xhtml?number=" + number + "&code=" + code);
    assertEquals(200, page.status());
    assertTrue(page.text().contains("已办结") && page.text().contains("准予许可"), page.toString());
    String docNumber = view.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .filter(d -> d.getString("kind").equals("APPROVAL_DECISION")).findFirst().orElseThrow()
        .getString("number");
    Api.Reply results = anonymous.get("/results.xhtml");
    assertEquals(200, results.status());
    assertTrue(results.text().contains(docNumber), "newest first, on page 1: " + docNumber);
    assertFalse(results.text().contains("演示科技"), "no enterprise on the public register");
  }

  static List<String> steps(JsonObject tracking) {
    return tracking.getJsonArray("steps").stream()
        .map(v -> v.asJsonObject().getString("step")).toList();
  }
}
