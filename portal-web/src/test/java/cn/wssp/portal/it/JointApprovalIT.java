package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 并联审批 of the demo 联办件 LB-0001 (市场监督管理局 and 卫生健康委员会) over real HTTP: 抄告 on
 * acceptance, the reviewer's opinion, the draft preview, the departments deciding in either
 * order, the joint approval with two valid PAdES signatures (pdfsig), and a denial by one
 * department after the other approved.
 */
class JointApprovalIT {
  static final String MARKET = "市场监督管理局";
  static final String HEALTH = "卫生健康委员会";
  static RunningPortal portal;
  static Path work;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
    work = Files.createDirectories(Path.of("target", "it-work", "joint"));
  }

  @Test
  void healthApprovesFirstThenMarketAndTheDecisionCarriesBothSeals() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = acceptedJointApplication(applicant);
    Api clerk = Api.login(portal, "clerk");
    assertTrue(clerk.get("/api/v1/applications/" + id + "/audit").text().contains("JOINT_CIRCULATED"),
        "抄告 is audited");

    // 审查意见 of market's reviewer, seen by the chief representative.
    Api reviewer = Api.login(portal, "reviewer");
    Api.Reply noReason = reviewer.post("/api/v1/applications/" + id + "/opinion",
        "{\"outcome\":\"DENY\"}");
    assertEquals(400, noReason.status(), noReason.toString());
    assertTrue(noReason.json().getString("message").contains("reason"), noReason.toString());
    Api.Reply opinion = reviewer.post("/api/v1/applications/" + id + "/opinion",
        "{\"outcome\":\"APPROVE\",\"reason\":\"材料齐全，现场核查合格。\"}");
    assertEquals(201, opinion.status(), opinion.toString());
    Api chiefB = Api.login(portal, "chief-b");
    JsonArray opinions = chiefB.get("/api/v1/applications/" + id).json().getJsonArray("opinions");
    assertEquals(1, opinions.size(), opinions.toString());
    assertEquals("reviewer", opinions.getJsonObject(0).getString("reviewer"));
    assertEquals(MARKET, opinions.getJsonObject(0).getString("department"));
    assertEquals("材料齐全，现场核查合格。", opinions.getJsonObject(0).getString("reason"));
    assertEquals(0, applicant.get("/api/v1/applications/" + id).json().getJsonArray("opinions").size(),
        "internal advice is not shown to the enterprise");

    // Health decides first: recorded, nothing issued yet.
    Api chiefB2 = Api.login(portal, "chief-b-2");
    Api.Reply first = decide(chiefB2, id, "APPROVE", "符合公共场所卫生要求。");
    assertEquals(200, first.status(), first.toString());
    assertEquals("UNDER_REVIEW", first.json().getString("status"));
    assertTrue(!first.json().containsKey("document") || first.json().isNull("document"), first.toString());
    JsonObject waiting = applicant.get("/api/v1/applications/" + id).json();
    assertEquals(List.of(MARKET + ":-", HEALTH + ":APPROVE"), decisions(waiting));
    Api.Reply twice = decide(chiefB2, id, "APPROVE", "再次准予。");
    assertEquals(409, twice.status(), twice.toString());
    assertTrue(twice.json().getString("message").contains("只能决定一次"), twice.toString());

    // Market's chief reads the draft before entering the PIN.
    Api.Reply draft = chiefB.get("/api/v1/applications/" + id + "/decision/preview?outcome=APPROVE&text="
        + URLEncoder.encode("准予从事餐饮服务。", StandardCharsets.UTF_8));
    assertEquals(200, draft.status(), draft.toString());
    assertTrue(draft.contentType().startsWith("application/pdf"), draft.contentType());
    String draftText = text(draft.body());
    assertTrue(draftText.contains("草稿（未签章，不具法律效力）"), draftText);
    assertTrue(draftText.contains("准予从事餐饮服务。") && draftText.contains("符合公共场所卫生要求。"), draftText);
    assertFalse(Pdfsig.run(List.of("pdfsig", write(draft.body()))).contains("Signature #1"),
        "a draft carries no signature");

    Api.Reply last = decide(chiefB, id, "APPROVE", "准予从事餐饮服务。");
    assertEquals(200, last.status(), last.toString());
    assertEquals("ISSUED", last.json().getString("status"));
    JsonObject document = last.json().getJsonObject("document");
    assertEquals("APPROVAL_DECISION", document.getString("kind"));
    assertEquals(2, document.getInt("signatures"));
    byte[] pdf = ApiJourneyIT.download(applicant, document.getInt("id"));
    JsonObject v = Api.anonymous(portal).postFile("/api/v1/verify", "joint.pdf", pdf).json();
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals(2, v.getJsonArray("signatures").size(), v.toString());
    String report = Pdfsig.report(work, pdf, Api.anonymous(portal).get("/api/v1/pki/ca.pem").text());
    assertEquals(2, report.split("Signature is Valid", -1).length - 1, report);
    String issuedText = text(pdf);
    assertFalse(issuedText.contains("草稿"), issuedText);

    Api.Reply afterEnd = decide(chiefB, id, "DENY", "改为不予。");
    assertEquals(409, afterEnd.status(), afterEnd.toString());
    assertTrue(afterEnd.json().getString("message").contains("已办结"), afterEnd.toString());
    assertEquals(List.of(MARKET + ":APPROVE", HEALTH + ":APPROVE"),
        decisions(applicant.get("/api/v1/applications/" + id).json()));
  }

  @Test
  void marketApprovesThenHealthDeniesAndTheDenialNamesHealth() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = acceptedJointApplication(applicant);
    Api.Reply approved = decide(Api.login(portal, "chief-b"), id, "APPROVE", "准予从事餐饮服务。");
    assertEquals(200, approved.status(), approved.toString());
    assertEquals("UNDER_REVIEW", approved.json().getString("status"));

    String reason = "公共场所卫生检测报告中空气质量指标不合格。";
    Api.Reply denied = decide(Api.login(portal, "chief-b-2"), id, "DENY", reason);
    assertEquals(200, denied.status(), denied.toString());
    assertEquals("ISSUED", denied.json().getString("status"));
    JsonObject document = denied.json().getJsonObject("document");
    assertEquals("DENIAL_DECISION", document.getString("kind"));
    assertEquals(1, document.getInt("signatures"));
    byte[] pdf = ApiJourneyIT.download(applicant, document.getInt("id"));
    String text = text(pdf);
    assertTrue(text.contains("不予许可部门：" + HEALTH), text);
    assertTrue(text.contains(reason), text);
    assertTrue(text.contains("行政复议"), text);
    String report = Pdfsig.report(work, pdf, Api.anonymous(portal).get("/api/v1/pki/ca.pem").text());
    assertEquals(1, report.split("Signature is Valid", -1).length - 1, report);

    JsonObject view = applicant.get("/api/v1/applications/" + id).json();
    assertEquals("ISSUED", view.getString("status"));
    assertEquals(List.of(MARKET + ":APPROVE", HEALTH + ":DENY"), decisions(view));
    assertTrue(view.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .noneMatch(d -> d.getString("kind").equals("APPROVAL_DECISION")), view.toString());
    String trail = Api.login(portal, "clerk").get("/api/v1/applications/" + id + "/audit").text();
    assertTrue(trail.contains("DECISION_APPROVE") && trail.contains("DECISION_DENY"), trail);
  }

  /** LB-0001 of the demo enterprise, submitted, pre-reviewed and accepted at the window. */
  static long acceptedJointApplication(Api applicant) throws Exception {
    long id = ApiJourneyIT.create(applicant, "LB-0001");
    ApiJourneyIT.upload(applicant, id, "application-form", "联办申请表.pdf", Materials.valid("LB-0001", "application-form"));
    ApiJourneyIT.upload(applicant, id, "business-license", "执照.pdf", Materials.valid("LB-0001", "business-license"));
    ApiJourneyIT.upload(applicant, id, "hygiene-report", "检测报告.pdf", Materials.valid("LB-0001", "hygiene-report", 2));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    return id;
  }

  static Api.Reply decide(Api chief, long id, String outcome, String text) throws Exception {
    return chief.post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"" + outcome + "\",\"text\":\"" + text + "\",\"pin\":\"123456\"}");
  }

  /** "市场监督管理局:APPROVE", "卫生健康委员会:-" (not decided yet), in the matter's order. */
  static List<String> decisions(JsonObject view) {
    return view.getJsonArray("departmentDecisions").stream().map(JsonValue::asJsonObject)
        .map(d -> d.getString("department") + ":" + d.getString("outcome", "-")).toList();
  }

  /** pdftotext of the PDF without line breaks (Chinese lines wrap anywhere). */
  static String text(byte[] pdf) throws Exception {
    Pdfsig.requireTool("pdftotext", "poppler-utils");
    return Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", write(pdf), "-")).replaceAll("\\s+", "");
  }

  static String write(byte[] pdf) throws Exception {
    Path f = work.resolve("doc-" + System.nanoTime() + ".pdf");
    Files.write(f, pdf);
    return f.toString();
  }
}
