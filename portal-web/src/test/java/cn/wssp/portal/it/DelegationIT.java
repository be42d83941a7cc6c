package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 over real HTTP, on a portal of its own (it records absences, lists an enterprise as
 * dishonest and moves the clock past the demo letters' end, 2030-12-31): the center issues a
 * delegation letter (委托书), which downloads as a sealed PDF that verifies; chief-a is refused
 * while chief-b is present and signs once chief-b is recorded absent; a letter that does not
 * cover the matter lets no one sign; the 失信名单 refuses applicant2 the commitment. This portal
 * runs two background jobs at once whatever the machine (PORTAL_JOB_THREADS=2), so the suite
 * covers that setting: concurrent pre-reviews, each done once, the audit chain intact.
 */
class DelegationIT {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.dedicated("delegation");
    portal.environment.put("PORTAL_JOB_THREADS", "2");
    portal.start();
  }

  @AfterAll
  static void stopPortal() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  /**
   * Ten applications submitted at once, pre-reviewed by two job threads: each gets its verdict
   * and exactly one PRE_REVIEW line in its trail, and the hash chain of the whole log verifies.
   */
  @Test
  void twoJobThreadsPreReviewEachApplicationOnceAndTheAuditChainHolds() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    byte[] pdf = Materials.valid("SCJG-0002", "loss-statement");
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long id = ApiJourneyIT.create(applicant, "SCJG-0002");
      ApiJourneyIT.upload(applicant, id, "loss-statement", "遗失声明.pdf", pdf);
      ids.add(id);
    }
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      List<java.util.concurrent.Future<Object>> submits = new java.util.ArrayList<>();
      for (long id : ids) {
        submits.add(clients.submit(() -> {
          ApiJourneyIT.submit(applicant, id);
          return null;
        }));
      }
      for (var f : submits) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdown();
    }
    for (long id : ids) {
      ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
      long preReviews = applicant.get("/api/v1/applications/" + id + "/audit").structure().asJsonArray()
          .stream().filter(l -> l.asJsonObject().getString("action").equals("PRE_REVIEW")).count();
      assertEquals(1, preReviews, "application " + id + " pre-reviewed once");
    }
    JsonObject chain = Api.login(portal, "supervisor").get("/api/v1/admin/audit/verify").json();
    assertTrue(chain.getBoolean("intact"), chain.toString());
  }

  @Test
  void signingFollowsTheDelegationLetter() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long lost = ApiJourneyIT.create(applicant, "SCJG-0002");
    ApiJourneyIT.upload(applicant, lost, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, lost);
    long food = ApiJourneyIT.create(applicant, "SCJG-0001");
    for (String material : List.of("application-form", "business-license", "legal-rep-id",
        "premises-layout", "safety-rules")) {
      ApiJourneyIT.upload(applicant, food, material, material + ".pdf", Materials.valid("SCJG-0001", material));
    }
    ApiJourneyIT.submit(applicant, food);
    for (long id : new long[] {lost, food}) {
      ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
      Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
          "{\"action\":\"ACCEPT\",\"reason\":\"委托书测试\"}");
      assertEquals(200, accepted.status(), accepted.toString());
    }

    // Past the demo letters (2030-12-31): no chief of 市场监督管理局 holds a letter in force.
    Api admin = Api.login(portal, "admin");
    LocalDate now = LocalDate.ofInstant(Instant.parse(admin.get("/api/v1/admin/clock").json()
        .getString("now")), BEIJING);
    LocalDate today = LocalDate.of(2031, 1, 7);
    Api.Reply moved = admin.post("/api/v1/admin/clock",
        "{\"advanceDays\":" + ChronoUnit.DAYS.between(now, today) + "}");
    assertEquals(200, moved.status(), moved.toString());
    assertEquals(today, LocalDate.ofInstant(Instant.parse(moved.json().getString("now")), BEIJING));
    admin = Api.login(portal, "admin"); // tokens issued before the jump have expired
    applicant = Api.login(portal, "applicant");
    Api chiefB = Api.login(portal, "chief-b");
    Api chiefA = Api.login(portal, "chief-a");

    Api.Reply noLetter = decide(chiefB, lost);
    assertEquals(403, noLetter.status(), noLetter.toString());
    assertTrue(noLetter.json().getString("message").contains("授权委托书"), noLetter.toString());

    Api.Reply notAChief = admin.post("/api/v1/admin/delegations", letter("clerk", "[\"SCJG-0002\"]", today));
    assertEquals(400, notAChief.status(), notAChief.toString());
    assertEquals("INVALID_INPUT", notAChief.json().getString("error"));
    assertTrue(notAChief.json().getString("message").contains("roleB"), notAChief.toString());
    Api.Reply badAction = admin.post("/api/v1/admin/delegations",
        letter("chief-b", "[]", today).replace("\"审批\"", "\"SIGN\""));
    assertEquals(400, badAction.status(), badAction.toString());
    assertTrue(badAction.json().getString("message").contains("actions"), badAction.toString());
    assertEquals(403, chiefB.post("/api/v1/admin/delegations", letter("chief-b", "[]", today)).status());

    // The letter: 市场监督管理局, B chief-b, A chief-a, 营业执照遗失补领 only, 审批 and 签发.
    Api.Reply issued = admin.post("/api/v1/admin/delegations", letter("chief-b", "[\"SCJG-0002\"]", today));
    assertEquals(201, issued.status(), issued.toString());
    JsonObject delegation = issued.json();
    assertEquals("SCJG", delegation.getString("departmentCode"));
    assertEquals("市场监督管理局", delegation.getString("department"));
    assertEquals("chief-a", delegation.getString("roleA"));
    assertEquals("chief-b", delegation.getString("roleB"));
    assertEquals("[\"SCJG-0002\"]", delegation.getJsonArray("matters").toString());
    assertEquals("[\"APPROVE\",\"ISSUE\"]", delegation.getJsonArray("actions").toString());
    assertEquals(today.toString(), delegation.getString("validFrom"));
    JsonObject letter = delegation.getJsonObject("letter");
    assertEquals("DELEGATION_LETTER", letter.getString("kind"));
    String number = letter.getString("number");
    assertTrue(number.startsWith("WT2031"), number);
    int letterId = letter.getInt("id");
    String letters = admin.get("/api/v1/admin/delegations").text();
    assertTrue(letters.contains(number), letters);

    byte[] pdf = ApiJourneyIT.download(admin, letterId);
    assertArrayEquals(pdf, ApiJourneyIT.download(chiefA, letterId), "the chiefs named may download it");
    assertEquals(404, applicant.get("/api/v1/documents/" + letterId).status());
    assertEquals(404, Api.login(portal, "chief-b-2").get("/api/v1/documents/" + letterId).status());
    JsonObject verified = Api.anonymous(portal).postFile("/api/v1/verify", "委托书.pdf", pdf).json();
    assertTrue(verified.getBoolean("valid"), verified.toString());
    assertTrue(verified.getBoolean("intact"), verified.toString());
    assertFalse(verified.getBoolean("revoked"), verified.toString());
    assertEquals(number, verified.getString("documentNumber"));
    assertEquals("市场监督管理局", verified.getJsonArray("signatures").getJsonObject(0).getString("department"));

    // chief-a (A) is refused while chief-b (B) is present, and the refusal is audited.
    Api.Reply whileBPresent = decide(chiefA, lost);
    assertEquals(403, whileBPresent.status(), whileBPresent.toString());
    assertEquals("B角首席代表在岗时由B角签章；A角仅在B角登记缺席时签章。",
        whileBPresent.json().getString("message"));
    String refusals = admin.get("/api/v1/admin/audit?action=SIGNING_REFUSED&actor=chief-a").text();
    assertTrue(refusals.contains("A角仅在B角登记缺席时签章"), refusals);

    Api.Reply absent = admin.post("/api/v1/admin/absences", "{\"username\":\"chief-b\",\"from\":\""
        + today + "\",\"to\":\"" + today + "\",\"reason\":\"赴省厅培训\"}");
    assertEquals(201, absent.status(), absent.toString());
    String current = admin.get("/api/v1/admin/absences").text();
    assertTrue(current.contains("\"username\":\"chief-b\"") && current.contains("赴省厅培训"),
        "every chief's current absences: " + current);
    Api.Reply signedByA = decide(chiefA, lost);
    assertEquals(200, signedByA.status(), signedByA.toString());
    assertEquals("ISSUED", applicant.get("/api/v1/applications/" + lost).json().getString("status"));

    // The letter covers 营业执照遗失补领 only: 食品经营许可 stays unsigned.
    Api.Reply otherMatter = decide(chiefB, food);
    assertEquals(403, otherMatter.status(), otherMatter.toString());
    assertTrue(otherMatter.json().getString("message").contains("食品经营许可（新办）"), otherMatter.toString());
    assertEquals("ACCEPTED", applicant.get("/api/v1/applications/" + food).json().getString("status"));
  }

  @Test
  void aDishonestEnterpriseIsRefusedTheCommitment() throws Exception {
    Api applicant2 = Api.login(portal, "applicant2");
    String creditCode = applicant2.get("/api/v1/me").json().getJsonObject("enterprise")
        .getString("creditCode");
    long id = ApiJourneyIT.create(applicant2, "SCJG-0001");
    // The mandatory materials only: the commitable ones are left for the commitment.
    for (String material : List.of("application-form", "business-license", "legal-rep-id")) {
      ApiJourneyIT.upload(applicant2, id, material, material + ".pdf",
          Materials.valid("SCJG-0001", material, Materials.SECOND));
    }
    ApiJourneyIT.submit(applicant2, id);
    JsonObject reviewed = ApiJourneyIT.awaitStatus(applicant2, id, "PRE_REVIEWED");
    assertEquals("COMPLETE_WITH_COMMITMENT", reviewed.getJsonObject("preReview").getString("verdict"));

    Api admin = Api.login(portal, "admin");
    assertEquals(403, Api.login(portal, "supervisor").post("/api/v1/admin/dishonest",
        "{\"creditCode\":\"" + creditCode + "\",\"reason\":\"虚假承诺\"}").status());
    Api.Reply badCode = admin.post("/api/v1/admin/dishonest",
        "{\"creditCode\":\"91350102MA2Y8K3L1\",\"reason\":\"虚假承诺\"}");
    assertEquals(400, badCode.status(), badCode.toString());
    assertTrue(badCode.json().getString("message").contains("creditCode"), badCode.toString());
    Api.Reply listed = admin.post("/api/v1/admin/dishonest",
        "{\"creditCode\":\"" + creditCode + "\",\"reason\":\"承诺不实被撤销许可\",\"date\":\"2026-11-02\"}");
    assertEquals(201, listed.status(), listed.toString());
    assertEquals("2026-11-02", listed.json().getString("date"));
    assertEquals(409, admin.post("/api/v1/admin/dishonest",
        "{\"creditCode\":\"" + creditCode + "\",\"reason\":\"再次\"}").status());
    assertTrue(admin.get("/api/v1/admin/dishonest").text().contains(creditCode));

    String commitment = "{\"materials\":[\"premises-layout\",\"safety-rules\"],\"dueDate\":\"2099-01-31\"}";
    Api.Reply refused = applicant2.post("/api/v1/applications/" + id + "/commitment", commitment);
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("DISHONEST_ENTERPRISE", refused.json().getString("error"));
    assertEquals("贵单位已被列入失信名单（原因：承诺不实被撤销许可），不适用告知承诺制，请补齐全部材料后再提交。",
        refused.json().getString("message"));

    JsonObject listedView = applicant2.get("/api/v1/applications/" + id).json();
    assertFalse(listedView.getJsonArray("actions").toString().contains("\"COMMIT\""),
        "actions[] does not offer what would be refused: " + listedView.getJsonArray("actions"));
    assertTrue(listedView.getString("commitmentRefusal").contains("失信名单"), listedView.toString());

    String page = applicant2.get("/app/application.xhtml?id=" + id).text();
    assertTrue(page.contains("贵单位已被列入失信名单（原因：承诺不实被撤销许可）"), page);
    assertFalse(page.contains("signCommitment"), "the page offers no commitment to a listed enterprise");

    assertEquals(204, admin.delete("/api/v1/admin/dishonest/" + creditCode).status());
    assertEquals(404, admin.delete("/api/v1/admin/dishonest/" + creditCode).status());
    String audit = admin.get("/api/v1/admin/audit?action=DISHONEST_REMOVED").text();
    assertTrue(audit.contains(creditCode), audit);
    assertTrue(applicant2.get("/api/v1/applications/" + id).json().getJsonArray("actions")
        .toString().contains("\"COMMIT\""), "off the list, actions[] offers COMMIT again");
    assertTrue(applicant2.get("/app/application.xhtml?id=" + id).text().contains("signCommitment"),
        "off the list, the page offers the commitment again");
    Api.Reply signed = applicant2.post("/api/v1/applications/" + id + "/commitment", commitment);
    assertEquals(200, signed.status(), signed.toString());
  }

  static Api.Reply decide(Api chief, long id) throws Exception {
    return chief.post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予补领。\",\"pin\":\"123456\"}");
  }

  static String letter(String roleB, String matters, LocalDate from) {
    return "{\"department\":\"SCJG\",\"roleA\":\"chief-a\",\"roleB\":\"" + roleB + "\",\"matters\":"
        + matters + ",\"actions\":[\"审批\",\"ISSUE\"],\"validFrom\":\"" + from
        + "\",\"validTo\":\"" + from.plusDays(30) + "\"}";
  }
}
