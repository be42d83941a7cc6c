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
 * 新增办理事项 over real HTTP: the center admin defines a matter with its first rule set (201 and
 * its address); the public guide lists it with its material; an enterprise applies and the
 * pre-review judges the upload under that rule set; a wrong field is named, a taken code is 409,
 * and the creation is in the portal-wide audit.
 */
class AdminMattersIT {
  static RunningPortal portal;

  @BeforeAll
  static void start() throws Exception {
    portal = RunningPortal.shared();
    ApiJourneyIT.work = Files.createDirectories(Path.of("target", "it-work"));
  }

  static String body(String code, String kind, String departments) {
    return "{\"code\":\"" + code + "\",\"name\":\"食品小作坊登记\",\"nameEn\":\"Small food workshop\","
        + "\"kind\":\"" + kind + "\","
        + "\"timeLimitWorkingDays\":7,\"departments\":" + departments + ","
        + "\"content\":\"从事食品生产加工的小作坊，应当向所在地市场监督管理部门办理登记。\","
        + "\"conditions\":\"申请人为食品小作坊经营者。\",\"legalBasis\":\"《福建省食品小作坊小餐饮小摊点管理条例》\","
        + "\"procedure\":\"网上申请 → 预审 → 受理 → 审查 → 决定\",\"fees\":\"不收费\","
        + "\"rules\":{\"format\":\"wssp-prereview-rules/1\",\"matter\":\"食品小作坊登记\",\"version\":\"1\","
        + "\"materials\":[{\"code\":\"workshop-form\",\"name\":\"食品小作坊登记申请表\","
        + "\"nameEn\":\"Workshop registration form\",\"required\":true,"
        + "\"acceptedTypes\":[\"application/pdf\"],\"maxBytes\":10485760,\"maxPages\":10,"
        + "\"checks\":[{\"type\":\"keywords\",\"all\":[\"小作坊\"],\"hint\":\"申请表须写明小作坊名称。\"}]}]}}";
  }

  /** 新增部门: added with its seal at once, then the lead department of a new matter. */
  @Test
  void theAdminAddsADepartmentWithItsSealAndGivesItAMatter() throws Exception {
    Api admin = Api.login(portal, "admin");
    String code = "D" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    String name = "测试局" + code;
    Api.Reply added = admin.post("/api/v1/admin/departments",
        "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"abbreviation\":\"测\","
            + "\"nameEn\":\"Test bureau\"}");
    assertEquals(201, added.status(), added.toString());
    assertEquals("Test bureau", added.json().getString("nameEn"));
    Api.Reply renamed = admin.put("/api/v1/admin/departments/" + code + "/name-en",
        "{\"nameEn\":\"Test Bureau of the City\"}");
    assertEquals(200, renamed.status(), renamed.toString());
    assertEquals("Test Bureau of the City", admin.get("/api/v1/admin/departments/" + code).json()
        .getString("nameEn"));
    assertTrue(added.header("Location").endsWith("/api/v1/admin/departments/" + code), added.header("Location"));
    assertEquals("RSA", added.json().getString("sealAlgorithm"));
    assertEquals(200, admin.get("/api/v1/admin/departments/" + code).status());
    assertTrue(admin.get("/api/v1/admin/seals").text().contains(name), "its seal is made at once");
    Api.Reply again = admin.post("/api/v1/admin/departments",
        "{\"code\":\"" + code + "\",\"name\":\"另一个局\",\"abbreviation\":\"另\"}");
    assertEquals(409, again.status(), again.toString());
    Api.Reply lower = admin.post("/api/v1/admin/departments",
        "{\"code\":\"abc\",\"name\":\"小写局\",\"abbreviation\":\"小\"}");
    assertEquals(400, lower.status(), lower.toString());
    assertTrue(lower.json().getString("message").contains("code"), lower.toString());

    String matter = code + "-0001";
    Api.Reply created = admin.post("/api/v1/admin/matters", body(matter, "PROMISED", "[\"" + code + "\"]"));
    assertEquals(201, created.status(), created.toString());
    assertEquals(name, created.json().getJsonArray("departments").getString(0));
  }

  @Test
  void theAdminDefinesAMatterThatEnterprisesApplyFor() throws Exception {
    Api admin = Api.login(portal, "admin");
    String code = "IT-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    Api.Reply created = admin.post("/api/v1/admin/matters", body(code, "PROMISED", "[\"SCJG\"]"));
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.header("Location").endsWith("/api/v1/matters/" + code), created.header("Location"));
    assertEquals(1, created.json().getInt("version"));
    assertEquals(7, created.json().getInt("timeLimitWorkingDays"));
    assertEquals("Small food workshop", created.json().getString("nameEn"));
    Api.Reply renamed = admin.put("/api/v1/admin/matters/" + code + "/options",
        "{\"nameEn\":\"Small food workshop registration\"}");
    assertEquals(200, renamed.status(), renamed.toString());
    assertEquals("Small food workshop registration", renamed.json().getString("nameEn"));

    JsonObject listed = Api.anonymous(portal).get("/api/v1/matters").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject).filter(m -> m.getString("code").equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("the new matter is in the public catalogue"));
    assertEquals("PROMISED", listed.getString("kind"));
    assertEquals("workshop-form", listed.getJsonArray("materials").getJsonObject(0).getString("code"));
    assertEquals("Workshop registration form",
        listed.getJsonArray("materials").getJsonObject(0).getString("nameEn"), "from its rule set");
    String guide = Api.anonymous(portal).get("/matter.xhtml?code=" + code).text();
    assertTrue(guide.contains("食品小作坊登记申请表") && guide.contains("申请人为食品小作坊经营者"),
        "the guide page shows its material and conditions");

    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, code);
    ApiJourneyIT.upload(applicant, id, "workshop-form", "登记申请表.pdf",
        Materials.pdf(List.of("食品小作坊登记申请表", "小作坊名称：演示食品小作坊")));
    ApiJourneyIT.submit(applicant, id);
    JsonObject reviewed = ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals("COMPLETE", reviewed.getJsonObject("preReview").getString("verdict"), reviewed.toString());
    assertEquals(1, reviewed.getJsonObject("preReview").getInt("rulesVersion"), reviewed.toString());

    Api.Reply taken = admin.post("/api/v1/admin/matters", body(code, "PROMISED", "[\"SCJG\"]"));
    assertEquals(409, taken.status(), taken.toString());
    assertEquals("MATTER_EXISTS", taken.json().getString("error"));
    Api.Reply joint = admin.post("/api/v1/admin/matters", body(code + "-J", "JOINT", "[\"SCJG\"]"));
    assertEquals(400, joint.status(), joint.toString());
    assertTrue(joint.json().getString("message").contains("departments"), joint.toString());
    Api.Reply notJson = admin.post("/api/v1/admin/matters", "code=" + code);
    assertEquals(400, notJson.status(), notJson.toString());
    assertEquals(404, Api.anonymous(portal).get("/api/v1/matters/" + code + "-J").status(),
        "a refused matter is not created");

    Api.Reply rewritten = admin.put("/api/v1/admin/matters/" + code + "/guide", "{\"name\":\"食品小作坊登记\","
        + "\"content\":\"小作坊登记。\",\"conditions\":\"持有营业执照。\",\"legalBasis\":\"条例\","
        + "\"procedure\":\"网上申请\",\"fees\":\"不收费\"}");
    assertEquals(200, rewritten.status(), rewritten.toString());
    assertEquals("持有营业执照。", Api.anonymous(portal).get("/api/v1/matters/" + code).json().getString("conditions"));
    Api.Reply noName = admin.put("/api/v1/admin/matters/" + code + "/guide", "{\"content\":\"x\"}");
    assertEquals(400, noName.status(), noName.toString());
    assertTrue(noName.json().getString("message").contains("name"), noName.toString());

    String audit = admin.get("/api/v1/admin/audit?action=MATTER_CREATED").text();
    assertTrue(audit.contains(code) && audit.contains("\"admin\""), audit);
  }
}
