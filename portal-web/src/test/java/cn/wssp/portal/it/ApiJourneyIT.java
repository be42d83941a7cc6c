package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonArray;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey of issue 2 through REST API v1 on the real portal: matters, login, create,
 * upload, submit, background pre-review, a supplement round, acceptance, a wrong PIN, the
 * decision sealed by the chief representative, download, pdfsig, and public verification.
 */
class ApiJourneyIT {
  static RunningPortal portal;
  static Path work;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
    work = Files.createDirectories(Path.of("target", "it-work"));
  }

  /** 空白表格: the guide's form materials have a blank PDF; others answer 404 in Chinese. */
  /** The published description says what an application's answer holds and when to ask again. */
  @Test
  void theOpenApiDocumentDescribesTheApplicationAndItsRetryAfter() throws Exception {
    Api.Reply doc = Api.anonymous(portal).get("/openapi?format=JSON");
    assertEquals(200, doc.status(), doc.toString());
    for (String[] op : new String[][] {{"/api/v1/applications/{id}", "get"},
        {"/api/v1/applications/{id}/submit", "post"}}) {
      JsonObject ok = doc.json().getJsonObject("paths").getJsonObject(op[0]).getJsonObject(op[1])
          .getJsonObject("responses").getJsonObject("200");
      assertTrue(ok.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
          .getJsonObject("properties").containsKey("preReview"), op[0] + ": " + ok);
      assertTrue(ok.getJsonObject("headers").containsKey("Retry-After"), op[0] + ": " + ok);
    }
  }

  @Test
  void formMaterialsHaveABlankToDownload() throws Exception {
    Api anyone = Api.anonymous(portal);
    jakarta.json.JsonObject matter = (jakarta.json.JsonObject) anyone.get("/api/v1/matters/SCJG-0001").structure();
    java.util.Map<String, Boolean> blank = matter.getJsonArray("materials")
        .getValuesAs(jakarta.json.JsonObject.class).stream().collect(java.util.stream.Collectors.toMap(
            m -> m.getString("code"), m -> m.getBoolean("blankForm")));
    assertTrue(blank.get("application-form"), blank.toString());
    assertFalse(blank.get("business-license"), blank.toString());

    Api.Reply pdf = anyone.get("/api/v1/matters/SCJG-0001/materials/application-form/blank");
    assertEquals(200, pdf.status(), pdf.text());
    assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
    assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    assertTrue(pdf.header("Content-Disposition").startsWith("attachment;"), pdf.header("Content-Disposition"));
    Path file = work.resolve("blank-application-form.pdf");
    Files.write(file, pdf.body());
    Process text = new ProcessBuilder("pdftotext", file.toString(), "-").redirectErrorStream(true).start();
    String words = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, text.waitFor());
    assertTrue(words.contains("统一社会信用代码") && words.contains("食品经营许可"), words);

    Api.Reply none = anyone.get("/api/v1/matters/SCJG-0001/materials/business-license/blank");
    assertEquals(404, none.status(), none.text());
    assertTrue(none.json().getString("message").contains("不是需要填写的表格"), none.text());
  }

  /** The list pages on request (page from 0, size 1–100, the total in X-Total-Count). */
  @Test
  void theApplicationListIsPagedOnRequest() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    for (int i = 0; i < 3; i++) {
      create(applicant, "SCJG-0001");
    }
    Api.Reply first = applicant.get("/api/v1/applications?page=0&size=2");
    assertEquals(200, first.status(), first.text());
    long total = Long.parseLong(first.header("X-Total-Count"));
    assertTrue(total >= 3, "total " + total);
    java.util.List<Long> one = ids(first);
    assertEquals(2, one.size());
    java.util.List<Long> two = ids(applicant.get("/api/v1/applications?page=1&size=2"));
    assertFalse(two.isEmpty());
    assertTrue(two.stream().noneMatch(one::contains), one + " then " + two);
    assertTrue(ids(applicant.get("/api/v1/applications?page=" + total + "&size=2")).isEmpty());

    Api.Reply tooBig = applicant.get("/api/v1/applications?page=0&size=1000");
    assertEquals(400, tooBig.status(), tooBig.text());
    assertTrue(tooBig.json().getString("message").contains("size"), tooBig.text());
    assertEquals(400, applicant.get("/api/v1/applications?page=x").status());

    // Staff lists page the same way.
    Api.Reply clerk = Api.login(portal, "clerk").get("/api/v1/applications?size=1");
    assertEquals(200, clerk.status(), clerk.text());
    assertTrue(ids(clerk).size() <= 1);
    assertNotNull(clerk.header("X-Total-Count"));
  }

  private static java.util.List<Long> ids(Api.Reply r) {
    return ((jakarta.json.JsonArray) r.structure()).getValuesAs(jakarta.json.JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue()).toList();
  }

  @Test
  void publishesTheDemoMattersWithoutLogin() throws Exception {
    Api.Reply r = Api.anonymous(portal).get("/api/v1/matters");
    assertEquals(200, r.status(), r.toString());
    JsonArray matters = r.structure().asJsonArray();
    List<String> kinds = matters.stream().map(v -> v.asJsonObject().getString("kind")).toList();
    assertTrue(kinds.containsAll(List.of("PROMISED", "IMMEDIATE", "JOINT")), kinds.toString());
    // The demo's 承诺件 (other tests on this portal define matters of their own).
    JsonObject promised = matters.stream().map(JsonValue::asJsonObject)
        .filter(m -> m.getString("code").equals("SCJG-0001")).findFirst().orElseThrow();
    assertEquals("PROMISED", promised.getString("kind"));
    JsonArray materials = promised.getJsonArray("materials");
    assertTrue(materials.size() >= 3);
    assertTrue(materials.stream().anyMatch(m -> m.asJsonObject().getBoolean("commitable")));
    assertEquals(10, promised.getInt("timeLimitWorkingDays"));
  }

  @Test
  void meShowsTheEnterpriseWithAValidCreditCode() throws Exception {
    JsonObject me = Api.login(portal, "applicant").get("/api/v1/me").json();
    assertEquals("applicant", me.getString("username"));
    assertEquals(List.of("APPLICANT"), me.getJsonArray("roles").getValuesAs(JsonValue::toString)
        .stream().map(s -> s.replace("\"", "")).toList());
    String code = me.getJsonObject("enterprise").getString("creditCode");
    assertEquals(18, code.length());
    assertTrue(CreditCodeCheck.valid(code), code);
  }

  @Test
  void badLoginAndMissingTokenAreRefusedInJson() throws Exception {
    Api.Reply bad = Api.anonymous(portal).post("/api/v1/auth/token",
        "{\"username\":\"applicant\",\"password\":\"wrong\"}");
    assertEquals(401, bad.status());
    assertEquals("INVALID_CREDENTIALS", bad.json().getString("error"));
    Api.Reply anonymous = Api.anonymous(portal).get("/api/v1/me");
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertNotNull(anonymous.json().getString("message"));
  }

  @Test
  void supplementRoundThenApprovalSignedAndVerified() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    Api clerk = Api.login(portal, "clerk");
    Api chief = Api.login(portal, "chief-b");

    long id = create(applicant, "SCJG-0001");
    // The window cannot act on a draft: a conflict that names the status, not a server error.
    Api.Reply onDraft = clerk.post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\",\"reason\":\"x\"}");
    assertEquals(409, onDraft.status(), onDraft.toString());
    assertTrue(onDraft.json().getString("message").contains("草稿"), onDraft.toString());
    assertTrue(applicant.get("/api/v1/applications/" + id).json().getJsonArray("actions")
        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
        .toList().containsAll(java.util.List.of("EDIT_MATERIALS", "SUBMIT", "WITHDRAW")));
    // A PNG named .pdf for the licence: the content decides, so this is a type mismatch.
    upload(applicant, id, "application-form", "申请书.pdf", Materials.valid("SCJG-0001", "application-form", 2));
    upload(applicant, id, "business-license", "营业执照.pdf", TestFiles.png());
    submit(applicant, id);
    JsonObject reviewed = awaitStatus(applicant, id, "PRE_REVIEWED");
    JsonObject pre = reviewed.getJsonObject("preReview");
    assertEquals("INCOMPLETE", pre.getString("verdict"));
    List<String> codes = findingCodes(pre);
    assertTrue(codes.contains("TYPE_MISMATCH"), codes.toString());
    assertTrue(codes.contains("MISSING_MATERIAL"), codes.toString());
    assertTrue(pre.getJsonArray("findings").stream().map(JsonValue::asJsonObject)
        .anyMatch(f -> f.getString("message").contains("营业执照")), pre.toString());
    assertNotNull(reviewed.getJsonObject("deadlines").getString("preReviewDue"));
    // API.md: "materials" lists what was uploaded, each with its name, type, size and hash.
    JsonArray uploaded = reviewed.getJsonArray("materials");
    assertEquals(2, uploaded.size(), uploaded.toString());
    for (JsonValue m : uploaded) {
      JsonObject o = m.asJsonObject();
      assertEquals(64, o.getString("sha256").length());
      assertTrue(o.getJsonNumber("size").longValue() > 0);
      assertNotNull(o.getString("fileName"));
      assertNotNull(o.getString("mediaType"));
    }
    assertEquals("image/png", uploaded.stream().map(JsonValue::asJsonObject)
        .filter(o -> o.getString("materialCode").equals("business-license")).findFirst().orElseThrow()
        .getString("mediaType"), "the type comes from the content, not the name");
    assertEquals(5, reviewed.getJsonArray("checklist").size());
    // The clerk opens what was sent: the same bytes, with the detected type.
    Api.Reply file = clerk.get("/api/v1/applications/" + id + "/materials/business-license");
    assertEquals(200, file.status(), file.toString());
    assertTrue(file.contentType().startsWith("image/png"), file.contentType());
    assertArrayEquals(TestFiles.png(), file.body());
    assertEquals(404, Api.login(portal, "applicant2").get("/api/v1/applications/" + id
        + "/materials/business-license").status());

    // The clerk asks for a supplement: one notice listing every item.
    Api.Reply supplement = clerk.post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"SUPPLEMENT\"}");
    assertEquals(200, supplement.status(), supplement.toString());
    assertEquals("SUPPLEMENT_REQUESTED", supplement.json().getString("status"));
    JsonObject notice = supplement.json().getJsonObject("document");
    assertEquals("SUPPLEMENT_NOTICE", notice.getString("kind"));
    byte[] noticePdf = download(applicant, notice.getInt("id"));
    assertTrue(new String(noticePdf, 0, 5).startsWith("%PDF"));

    // The applicant supplies everything and resubmits.
    upload(applicant, id, "business-license", "营业执照.pdf", Materials.valid("SCJG-0001", "business-license"));
    upload(applicant, id, "legal-rep-id", "身份证.pdf", Materials.valid("SCJG-0001", "legal-rep-id"));
    upload(applicant, id, "premises-layout", "布局图.pdf", Materials.valid("SCJG-0001", "premises-layout"));
    upload(applicant, id, "safety-rules", "制度.pdf", Materials.valid("SCJG-0001", "safety-rules", 3));
    submit(applicant, id);
    JsonObject second = awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals("COMPLETE", second.getJsonObject("preReview").getString("verdict"), second.toString());

    Api.Reply accepted = clerk.post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    assertEquals("ACCEPTED", accepted.json().getString("status"));
    assertEquals("ACCEPTANCE_NOTICE", accepted.json().getJsonObject("document").getString("kind"));
    awaitMail("applicant@demo.example", "SQ");

    // Wrong PIN: 403, nothing signed. The applicant: 403 too; another department's chief
    // cannot see the application at all: 404, as on reading it.
    Api.Reply wrongPin = chief.post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予。\",\"pin\":\"000000\"}");
    assertEquals(403, wrongPin.status(), wrongPin.toString());
    assertEquals("WRONG_PIN", wrongPin.json().getString("error"));
    assertTrue(wrongPin.json().getString("message").contains("再错 4 次"), wrongPin.toString());
    Api.Reply byApplicant = applicant.post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"x\",\"pin\":\"123456\"}");
    assertEquals(403, byApplicant.status(), byApplicant.toString());
    Api.Reply otherDepartment = Api.login(portal, "chief-b-2").post("/api/v1/applications/" + id
        + "/decision", "{\"outcome\":\"APPROVE\",\"text\":\"x\",\"pin\":\"123456\"}");
    assertEquals(404, otherDepartment.status(), otherDepartment.toString());
    assertEquals("ACCEPTED", applicant.get("/api/v1/applications/" + id).json().getString("status"));

    Api.Reply decided = chief.post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"许可经营项目：食品销售。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    assertEquals("ISSUED", decided.json().getString("status"));
    JsonObject decision = decided.json().getJsonObject("document");
    assertEquals("APPROVAL_DECISION", decision.getString("kind"));

    JsonObject view = applicant.get("/api/v1/applications/" + id).json();
    assertTrue(view.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .anyMatch(d -> d.getString("kind").equals("APPROVAL_DECISION")));
    byte[] pdf = download(applicant, decision.getInt("id"));

    String rootPem = Api.anonymous(portal).get("/api/v1/pki/ca.pem").text();
    assertTrue(rootPem.contains("BEGIN CERTIFICATE"));
    String report = Pdfsig.report(work, pdf, rootPem);
    assertTrue(report.contains("Signature is Valid"), report);
    assertTrue(report.contains("Certificate is Trusted"), report);

    Api.Reply verified = Api.anonymous(portal).postFile("/api/v1/verify", "decision.pdf", pdf);
    assertEquals(200, verified.status(), verified.toString());
    JsonObject v = verified.json();
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals("TOTAL_PASSED", v.getString("indication"), v.toString());
    assertTrue(v.getBoolean("intact"));
    assertFalse(v.getBoolean("revoked"));
    assertEquals(decision.getString("number"), v.getString("documentNumber"));
    JsonObject signature = v.getJsonArray("signatures").getJsonObject(0);
    assertTrue(signature.getBoolean("valid"));
    assertTrue(signature.getString("department").contains("市场监督管理局"), signature.toString());
    // Each check on its own: integrity, chain, embedded validation data (B-LT), algorithm.
    assertTrue(signature.getBoolean("intact"), signature.toString());
    assertTrue(signature.getBoolean("chainTrusted"), signature.toString());
    assertTrue(signature.getBoolean("validationData"), signature.toString());
    assertEquals("RSA/SHA-256", signature.getString("algorithm"), signature.toString());
    assertTrue(v.getBoolean("registered"), "byte-equal to what was issued");
    // The sealed decision embeds its evidence manifest, whose material hashes are the stored ones.
    assertEquals(Json.createObjectBuilder().add("present", true).add("matchesStored", true).build(),
        v.getJsonObject("manifest"), v.toString());

    String code = verificationCode(pdf, decision.getString("number"));
    Api.Reply byNumber = Api.anonymous(portal).get("/api/v1/verify/" + decision.getString("number")
        + "?code=" + code);
    assertEquals(200, byNumber.status(), byNumber.toString());
    assertTrue(byNumber.json().getBoolean("valid"));
    assertTrue(byNumber.json().getJsonObject("manifest").getBoolean("matchesStored"));
    String page = Api.anonymous(portal).get("/verify.xhtml?number="
        + java.net.URLEncoder.encode(decision.getString("number"), java.nio.charset.StandardCharsets.UTF_8)
        + "&code=" + code).text();
    assertTrue(page.matches("(?s).*id=\"v:manifest\"[^>]*>证据清单中的材料摘要与存档一致<.*"), page);
    Api.Reply wrongCode = Api.anonymous(portal).get("/api/v1/verify/" + decision.getString("number")
        + "?code=WRONG123");
    assertEquals(404, wrongCode.status());

    // A tampered copy is not valid.
    byte[] tampered = pdf.clone();
    int at = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
    tampered[at > 0 ? at + 2 : tampered.length / 3] ^= 0x01;
    Api.Reply forged = Api.anonymous(portal).postFile("/api/v1/verify", "forged.pdf", tampered);
    assertEquals(200, forged.status(), forged.toString());
    assertFalse(forged.json().getBoolean("valid"), forged.toString());
    // ...and says why, as EU DSS would: the signed bytes changed.
    assertEquals("TOTAL_FAILED", forged.json().getString("indication"), forged.toString());
    assertEquals("HASH_FAILURE", forged.json().getString("subIndication"), forged.toString());
    assertFalse(forged.json().getString("message").isBlank());
  }

  @Test
  void anotherEnterpriseSeesNothing() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = create(applicant, "SCJG-0002");
    Api other = Api.login(portal, "applicant2");
    assertEquals(404, other.get("/api/v1/applications/" + id).status());
    Api.Reply upload = other.putFile("/api/v1/applications/" + id + "/materials/loss-statement",
        "x.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    assertEquals(404, upload.status(), upload.toString());
    assertEquals("NOT_FOUND", upload.json().getString("error"));
    assertEquals(404, other.post("/api/v1/applications/" + id + "/submit", null).status());
    assertFalse(other.get("/api/v1/applications").text().contains("\"id\":" + id + ","));
  }

  @Test
  void denialIsSignedWithReasonsAndAppealRights() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = create(applicant, "SCJG-0002");
    upload(applicant, id, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    submit(applicant, id);
    assertEquals("COMPLETE", awaitStatus(applicant, id, "PRE_REVIEWED").getJsonObject("preReview")
        .getString("verdict"));
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}").status());
    Api.Reply denied = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"DENY\",\"text\":\"遗失声明未在指定媒体刊登。\",\"pin\":\"123456\"}");
    assertEquals(200, denied.status(), denied.toString());
    assertEquals("ISSUED", denied.json().getString("status"));
    JsonObject doc = denied.json().getJsonObject("document");
    assertEquals("DENIAL_DECISION", doc.getString("kind"));
    byte[] pdf = download(applicant, doc.getInt("id"));
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", write(pdf), "-"));
    assertTrue(text.contains("不予行政许可"), text);
    assertTrue(text.contains("行政复议"), text);
  }

  // The joint matter (并联审批, any order, two seals checked by pdfsig): JointApprovalIT.

  @Test
  void commitmentLetsAnApplicationProceedWithoutCommitableMaterials() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = create(applicant, "SCJG-0001");
    upload(applicant, id, "application-form", "申请书.pdf", Materials.valid("SCJG-0001", "application-form"));
    upload(applicant, id, "business-license", "执照.pdf", Materials.valid("SCJG-0001", "business-license"));
    upload(applicant, id, "legal-rep-id", "身份证.pdf", Materials.valid("SCJG-0001", "legal-rep-id"));
    submit(applicant, id);
    JsonObject reviewed = awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals("COMPLETE_WITH_COMMITMENT", reviewed.getJsonObject("preReview").getString("verdict"),
        reviewed.toString());
    Api.Reply notCommitable = applicant.post("/api/v1/applications/" + id + "/commitment",
        "{\"materials\":[\"application-form\"],\"dueDate\":\"2099-01-31\"}");
    assertEquals(400, notCommitable.status(), notCommitable.toString());
    Api.Reply signed = applicant.post("/api/v1/applications/" + id + "/commitment",
        "{\"materials\":[\"premises-layout\",\"safety-rules\"],\"dueDate\":\"2099-01-31\"}");
    assertEquals(200, signed.status(), signed.toString());
    assertEquals("2099-01-31", signed.json().getJsonObject("commitment").getString("dueDate"));
    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals("ACCEPTED_ON_COMMITMENT", accepted.json().getString("status"), accepted.toString());
  }

  @Test
  void hostileAndOversizedFilesAreNamedAndNothingSavedIsLost() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = create(applicant, "SCJG-0001");
    upload(applicant, id, "application-form", "申请书.pdf", Materials.valid("SCJG-0001", "application-form"));
    upload(applicant, id, "business-license", "营业执照.pdf", TestFiles.windowsExe());
    upload(applicant, id, "safety-rules", "制度.pdf", TestFiles.bytes(11 << 20)); // limit 10 MB

    // Over the portal's hard cap: refused with a clear message, the saved form stays.
    Api.Reply refused = applicant.putFile("/api/v1/applications/" + id + "/materials/application-form",
        "巨大.pdf", TestFiles.bytes(RunningPortal.UPLOAD_CAP + 1));
    assertEquals(413, refused.status(), refused.toString());
    assertEquals("TOO_LARGE", refused.json().getString("error"));
    assertTrue(refused.json().getString("message").contains("原有文件保持不变"), refused.toString());
    JsonObject kept = applicant.get("/api/v1/applications/" + id).json().getJsonArray("materials")
        .getJsonObject(0);
    assertEquals("申请书.pdf", kept.getString("fileName"));

    Api.Reply unknown = applicant.putFile("/api/v1/applications/" + id + "/materials/no-such",
        "x.pdf", Materials.valid("SCJG-0001", "application-form"));
    assertEquals(404, unknown.status(), unknown.toString());
    assertTrue(unknown.json().getString("message").contains("no-such"));

    submit(applicant, id);
    JsonObject pre = awaitStatus(applicant, id, "PRE_REVIEWED").getJsonObject("preReview");
    assertEquals("INCOMPLETE", pre.getString("verdict"));
    List<JsonObject> findings = pre.getJsonArray("findings").stream().map(JsonValue::asJsonObject).toList();
    assertTrue(findings.stream().anyMatch(f -> "business-license".equals(f.getString("materialCode", null))
        && List.of("HOSTILE_FILE", "TYPE_MISMATCH").contains(f.getString("code"))), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> "safety-rules".equals(f.getString("materialCode", null))
        && f.getString("code").equals("TOO_LARGE")), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> "premises-layout".equals(f.getString("materialCode", null))
        && f.getString("code").equals("MISSING_MATERIAL")), findings.toString());
  }

  @Test
  void calendarSkipsWeekendsAndBadInputIsNamed() throws Exception {
    Api anyone = Api.anonymous(portal);
    Api.Reply friday = anyone.get("/api/v1/calendar/add-working-days?from=2026-11-27&days=2");
    assertEquals("2026-12-01", friday.json().getString("date"), friday.toString());
    Api.Reply bad = anyone.get("/api/v1/calendar/add-working-days?from=27.11.2026&days=2");
    assertEquals(400, bad.status());
    assertTrue(bad.json().getString("message").contains("from"), bad.toString());
  }

  /** The applicant is told by e-mail too: a message to that address arrives over SMTP. */
  static void awaitMail(String to, String subjectPart) throws Exception {
    for (int i = 0; i < 40; i++) {
      for (String raw : portal.mail.messages) {
        var m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
            new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        if (m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains("已受理")
            && m.getSubject().contains(subjectPart)) {
          return;
        }
      }
      Thread.sleep(500);
    }
    fail("no acceptance e-mail to " + to + " among " + portal.mail.messages.size() + " messages");
  }

  // --- steps -----------------------------------------------------------------------------

  static long create(Api applicant, String matter) throws Exception {
    Api.Reply r = applicant.post("/api/v1/applications", "{\"matterCode\":\"" + matter + "\"}");
    assertTrue(r.status() == 200 || r.status() == 201, r.toString());
    assertEquals("DRAFT", r.json().getString("status"));
    return r.json().getJsonNumber("id").longValue();
  }

  static void upload(Api applicant, long id, String material, String name, byte[] content)
      throws Exception {
    Api.Reply r = applicant.putFile("/api/v1/applications/" + id + "/materials/" + material, name, content);
    assertEquals(200, r.status(), r.toString());
    assertEquals(64, r.json().getString("sha256").length());
    assertEquals(content.length, r.json().getJsonNumber("size").longValue());
  }

  static void submit(Api applicant, long id) throws Exception {
    Api.Reply r = applicant.post("/api/v1/applications/" + id + "/submit", null);
    assertEquals(200, r.status(), r.toString());
    // Until the verdict is there the portal says when to look again (whole seconds, 1–30).
    String retryAfter = r.header("Retry-After");
    JsonObject view = r.json();
    if (!view.containsKey("preReview") || view.isNull("preReview")) {
      assertNotNull(retryAfter, "no Retry-After while the pre-review is to come: " + r);
      long seconds = Long.parseLong(retryAfter);
      assertTrue(seconds >= 1 && seconds <= 30, "Retry-After " + seconds);
    } else {
      assertNull(retryAfter, "Retry-After with the verdict already there: " + r);
    }
  }

  /** A 补领 application (SCJG-0002) with its one material, submitted and pre-reviewed: its id. */
  static long preReviewedLossStatement(Api applicant) throws Exception {
    long id = create(applicant, "SCJG-0002");
    upload(applicant, id, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    submit(applicant, id);
    awaitStatus(applicant, id, "PRE_REVIEWED");
    return id;
  }

  static JsonObject awaitStatus(Api api, long id, String status) throws Exception {
    JsonObject last = null;
    for (int i = 0; i < 120; i++) { // a minute: the first Tika parse on a busy CI machine is slow
      last = api.get("/api/v1/applications/" + id).json();
      if (last.getString("status").equals(status)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("application " + id + " never reached " + status + ": " + last);
  }

  static List<String> findingCodes(JsonObject preReview) {
    return preReview.getJsonArray("findings").stream()
        .map(f -> f.asJsonObject().getString("code")).collect(Collectors.toList());
  }

  static byte[] download(Api api, int documentId) throws Exception {
    Api.Reply r = api.get("/api/v1/documents/" + documentId);
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.contentType().startsWith("application/pdf"), r.contentType());
    return r.body();
  }

  /** Into target/it-work, whichever test class calls (its own work directory may not be set). */
  static String write(byte[] pdf) throws Exception {
    Path f = Files.createDirectories(Path.of("target", "it-work"))
        .resolve("doc-" + System.nanoTime() + ".pdf");
    Files.write(f, pdf);
    return f.toString();
  }

  /** The verification code as printed on the document, read back with pdftotext. */
  static String verificationCode(byte[] pdf, String number) throws Exception {
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", write(pdf), "-"));
    var m = java.util.regex.Pattern.compile("验证码[：:]\\s*([A-Z0-9]{12})").matcher(text);
    assertTrue(m.find(), "no verification code printed on " + number + ":\n" + text);
    return m.group(1);
  }
}
