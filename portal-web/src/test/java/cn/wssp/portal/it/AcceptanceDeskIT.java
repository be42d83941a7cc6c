package cn.wssp.portal.it;

import static cn.wssp.portal.it.BrowserJourneyIT.browser;
import static cn.wssp.portal.it.BrowserJourneyIT.click;
import static cn.wssp.portal.it.BrowserJourneyIT.files;
import static cn.wssp.portal.it.BrowserJourneyIT.getWithSession;
import static cn.wssp.portal.it.BrowserJourneyIT.js;
import static cn.wssp.portal.it.BrowserJourneyIT.login;
import static cn.wssp.portal.it.BrowserJourneyIT.logout;
import static cn.wssp.portal.it.BrowserJourneyIT.open;
import static cn.wssp.portal.it.BrowserJourneyIT.portal;
import static cn.wssp.portal.it.BrowserJourneyIT.shot;
import static cn.wssp.portal.it.BrowserJourneyIT.stale;
import static cn.wssp.portal.it.BrowserJourneyIT.text;
import static cn.wssp.portal.it.BrowserJourneyIT.type;
import static cn.wssp.portal.it.BrowserJourneyIT.wait;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.Verdict;
import cn.wssp.prereview.FindingCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The window's acceptance desk and the applicant's view of the same page, in headless Chromium
 * (BrowserJourneyIT's driver and helpers): materials beside their findings with the evidence
 * highlighted and the file previewed in the page, 不采纳 with a reason, 一次性告知 of what
 * remains; the applicant reads each material's problem in plain words, a 容缺 material as
 * "可容缺，可承诺后补交", replaces exactly one file; no page shows an internal code; tables keep
 * their names readable at 390 px.
 */
class AcceptanceDeskIT {
  /** Every internal code the pages must never show (finding codes and verdicts). */
  static final List<String> CODES = Stream.concat(
      Stream.of(FindingCode.values()).map(Enum::name),
      Stream.of(Verdict.values()).map(Enum::name)).toList();

  @BeforeAll
  static void start() throws Exception {
    BrowserJourneyIT.start();
  }

  @AfterAll
  static void stop() {
    BrowserJourneyIT.stop();
  }

  @Test
  void theWindowJudgesMaterialsBesideTheirFindingsAndTheApplicantReadsThemInPlainWords()
      throws Exception {
    // Prepared through the API: a form of another enterprise (its credit code is evidence), an
    // ID card as a picture, the safety rules (容缺) missing.
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    ApiJourneyIT.upload(applicant, id, "application-form", "申请书.pdf",
        Materials.valid("SCJG-0001", "application-form", Materials.SECOND));
    ApiJourneyIT.upload(applicant, id, "business-license", "营业执照.pdf",
        Materials.valid("SCJG-0001", "business-license"));
    ApiJourneyIT.upload(applicant, id, "legal-rep-id", "身份证.png", TestFiles.png());
    ApiJourneyIT.upload(applicant, id, "premises-layout", "平面布局图.pdf",
        Materials.valid("SCJG-0001", "premises-layout"));
    ApiJourneyIT.submit(applicant, id);
    JsonObject judged = ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    List<JsonObject> findings = judged.getJsonObject("preReview").getJsonArray("findings")
        .getValuesAs(JsonObject.class);
    List<String> snippets = findings.stream()
        .filter(f -> f.get("evidence") != null && f.get("evidence").getValueType() == JsonValue.ValueType.OBJECT
            && f.getJsonObject("evidence").get("snippet") != null
            && f.getJsonObject("evidence").get("snippet").getValueType() == JsonValue.ValueType.STRING)
        .map(f -> f.getJsonObject("evidence").getString("snippet")).toList();
    assertFalse(snippets.isEmpty(), "the other enterprise's credit code is evidence: " + findings);

    // The window's queue: nearest pre-review due date first, each with its light.
    browser.manage().deleteAllCookies();
    login("clerk");
    List<LocalDate> dues = new ArrayList<>();
    for (WebElement cell : browser.findElements(By.cssSelector("#w\\:applications tbody tr .deadline"))) {
      Matcher m = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(cell.getText());
      assertTrue(m.find(), cell.getText());
      dues.add(LocalDate.parse(m.group()));
    }
    assertFalse(dues.isEmpty());
    assertEquals(dues.stream().sorted().toList(), dues, "ordered by pre-review due date");
    // The menu counts what waits at the window, as the queue's "all" filter does; a light's
    // filter is a link that leaves only rows of that light.
    String badge = (String) js("var b = document.getElementById('nav:waiting');"
        + " return b == null ? '' : b.firstChild.textContent;");
    assertEquals(browser.findElement(By.cssSelector("a.light-filter.chosen .count")).getText().trim(),
        badge.trim(), "the menu's count is the queue's");
    WebElement someLight = browser.findElements(By.cssSelector("a.light-filter[class*='light-filter-']"))
        .stream().filter(a -> !a.findElement(By.cssSelector(".count")).getText().trim().equals("0"))
        .findFirst().orElseThrow();
    String chosen = someLight.getAttribute("class").replaceAll(".*light-filter-(\\w+).*", "$1");
    long expected = Long.parseLong(someLight.findElement(By.cssSelector(".count")).getText().trim());
    someLight.click();
    wait.until(ExpectedConditions.urlContains("light=" + chosen));
    List<WebElement> lit = browser.findElements(By.cssSelector("#w\\:applications tbody tr .deadline .light"));
    assertEquals(Math.min(25, expected), lit.size(), "rows of " + chosen);
    lit.forEach(l -> assertTrue(l.getAttribute("class").contains("light-" + chosen), l.getAttribute("class")));

    // The desk: the form (first material with a finding) is previewed in the page.
    open("/app/application.xhtml?id=" + id);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f:desk")));
    WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("previewFrame")));
    String src = frame.getAttribute("src");
    assertTrue(src.endsWith("/materials/application-form?inline=1"), src);
    HttpResponse<byte[]> inline = getWithSession(src);
    assertEquals(200, inline.statusCode());
    assertEquals("application/pdf", inline.headers().firstValue("Content-Type").orElse(""));
    assertTrue(inline.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
    assertEquals("nosniff", inline.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("SAMEORIGIN", inline.headers().firstValue("X-Frame-Options").orElse(""));
    List<String> policies = inline.headers().allValues("Content-Security-Policy");
    assertTrue(policies.stream().anyMatch(p -> p.startsWith("sandbox")), policies.toString());
    assertTrue(policies.stream().noneMatch(p -> p.contains("frame-ancestors 'none'")), policies.toString());
    // The evidence is highlighted beside its finding.
    String marked = browser.findElements(By.cssSelector("#f\\:desk mark.evidence-snippet")).stream()
        .map(WebElement::getText).toList().toString();
    for (String snippet : snippets) {
      assertTrue(marked.contains(snippet.trim()), snippet + " in " + marked);
    }
    // The ID card is a picture: shown as one once chosen.
    WebElement idCard = browser.findElement(By.cssSelector(".desk-material[data-material='legal-rep-id']"));
    idCard.findElement(By.cssSelector("a.desk-show")).click();
    wait.until(d -> Boolean.TRUE.equals(js("var i = document.getElementById('previewImage');"
        + " return i != null && i.complete && i.naturalWidth > 0;")));
    // A plain page that is not framed by another site; images and PDFs only, never HTML.
    HttpResponse<byte[]> download = getWithSession(portal.url() + "/api/v1/applications/" + id
        + "/materials/business-license");
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    shot("30-desk");
    assertNoInternalCodes("clerk");

    // 不采纳 needs a reason; with one it is recorded, shown and audited; the rest stays listed.
    int before = browser.findElements(By.cssSelector("#f\\:remaining li")).size();
    assertTrue(before >= 2, "the missing and defective items are listed for 一次性告知");
    WebElement form = browser.findElement(By.cssSelector(".desk-material[data-material='application-form']"));
    form.findElement(By.cssSelector("button[id$=':overrule']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:messages"), "必须填写理由"));
    form = browser.findElement(By.cssSelector(".desk-material[data-material='application-form']"));
    WebElement reason = form.findElement(By.cssSelector("input[id$=':overruleReason']"));
    reason.sendKeys("窗口已核验申请书原件");
    form.findElement(By.cssSelector("button[id$=':overrule']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:desk"), "窗口已核验申请书原件"));
    assertEquals(before - 1, browser.findElements(By.cssSelector("#f\\:remaining li")).size());
    assertTrue(text(By.id("f:trail")).contains("不采纳预审意见"), "audited");
    assertTrue(text(By.id("f:findings")).contains("窗口已核验申请书原件"), "shown with the findings");

    // 一次性告知 stays one click.
    type(By.id("f:reason"), "请补充法定代表人身份证正反面清晰扫描件。");
    click(By.id("f:supplement"));
    wait.until(ExpectedConditions.textToBe(By.id("f:status"), "待补正"));
    assertEquals("请补充法定代表人身份证正反面清晰扫描件。", text(By.id("f:supplementReason")));
    logout();

    // The applicant: each material's problem in plain words, the 容缺 one as such.
    login("applicant");
    open("/app/application.xhtml?id=" + id);
    assertEquals("请补充法定代表人身份证正反面清晰扫描件。", text(By.id("f:supplementReason")));
    assertTrue(text(By.id("f:windowVerdict")).startsWith("要求补正"));
    WebElement safety = row("safety-rules");
    assertTrue(safety.getText().contains("可容缺，可承诺后补交"), safety.getText());
    assertFalse(safety.getText().contains("须补正"), safety.getText());
    assertFalse(row("legal-rep-id").findElements(By.cssSelector(".problem-message")).isEmpty(),
        "the picture without an ID number says what is wrong");
    assertFalse(text(By.id("f:materials")).contains("窗口已核验申请书原件"), "set aside: not the applicant's problem");
    assertTrue(browser.findElements(By.id("f:desk")).isEmpty(), "the desk is the window's");
    // Limits before choosing; the picker filters; the widget takes dropped files.
    String limits = row("legal-rep-id").findElement(By.cssSelector(".upload-limits")).getText();
    assertTrue(limits.contains("PDF") && limits.contains("5 MB") && limits.contains("拖放"), limits);
    WebElement input = row("application-form").findElement(By.cssSelector("input[type=file]"));
    assertEquals("application/pdf", input.getAttribute("accept"));
    // upload.js wired every row's box (drop target, progress, status) and marked it ready.
    wait.until(d -> !d.findElements(By.cssSelector(".stream-upload")).isEmpty()
        && d.findElements(By.cssSelector(".stream-upload:not([data-ready])")).isEmpty());
    assertEquals(Boolean.TRUE, js("var b = document.querySelector('.stream-upload[data-material=\"application-form\"]');"
        + " return b.dataset.url.endsWith('/materials/application-form') && b.dataset.maxBytes > 0"
        + " && new RegExp(b.dataset.allow, 'i').test('x.PDF') && !new RegExp(b.dataset.allow, 'i').test('x.docx');"));
    assertNoInternalCodes("applicant");
    shot("31-applicant-supplement");

    // A file of a type the material does not take is refused before a byte is sent, in the row.
    Path wrong = files.resolve(id + "-申请书.docx");
    Files.write(wrong, Materials.valid("SCJG-0001", "application-form"));
    input.sendKeys(wrong.toString());
    By alert = By.cssSelector(".stream-upload[data-material='application-form'] .stream-upload-status[role=alert]");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(alert, "只接受"));
    assertTrue(row("application-form").findElement(By.cssSelector(".file-name")).getText().endsWith(".pdf"));

    // Replace exactly one file: the form; the others stay as they were.
    String licence = row("business-license").findElement(By.cssSelector(".file-name")).getText();
    Path fixed = files.resolve(id + "-申请书-更正.pdf");
    Files.write(fixed, Materials.valid("SCJG-0001", "application-form"));
    input.sendKeys(fixed.toString());
    wait.until(d -> stale(() -> row("application-form").findElement(By.cssSelector(".file-name")).getText()
        .equals(fixed.getFileName().toString())));
    assertEquals(licence, row("business-license").findElement(By.cssSelector(".file-name")).getText());
    logout();
  }

  /** A supplement request over a "complete" proposal: the page says 补正, not a green 齐全. */
  @Test
  void aSupplementRequestIsTheConclusionShownWithTheClerksReason() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    for (String m : List.of("application-form", "business-license", "legal-rep-id",
        "premises-layout", "safety-rules")) {
      ApiJourneyIT.upload(applicant, id, m, m + ".pdf", Materials.valid("SCJG-0001", m));
    }
    ApiJourneyIT.submit(applicant, id);
    JsonObject judged = ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals("COMPLETE", judged.getJsonObject("preReview").getString("verdict"));
    Api clerk = Api.login(portal, "clerk");
    Api.Reply r = clerk.post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"SUPPLEMENT\",\"reason\":\"营业执照经营范围与申请项目不一致，请核对。\"}");
    assertEquals(200, r.status(), r.toString());

    browser.manage().deleteAllCookies();
    login("applicant");
    open("/app/application.xhtml?id=" + id);
    assertEquals("待补正", text(By.id("f:status")));
    assertEquals("营业执照经营范围与申请项目不一致，请核对。", text(By.id("f:supplementReason")));
    assertTrue(text(By.id("f:windowVerdict")).startsWith("要求补正"));
    assertTrue(browser.findElements(By.cssSelector(".verdict-complete")).isEmpty(),
        "no green 材料齐全 under a 待补正");
    assertFalse(browser.findElement(By.id("f:verdict")).getAttribute("class").contains("verdict-complete"));
    assertNoInternalCodes("applicant");
    shot("32-supplement-over-complete");
    logout();
  }

  /** At 390 px the name columns keep their width: matter and material names on 1–2 lines. */
  @Test
  void atPhoneWidthNamesAreNotSqueezedToACharacterPerLine() throws Exception {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
        "height", 844, "deviceScaleFactor", 1, "mobile", true));
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "LB-0001");
    try {
      browser.manage().deleteAllCookies();
      open("/index.xhtml");
      assertEquals(390L, ((Number) js("return window.innerWidth")).longValue());
      assertReadable(".matter-link", 3);
      shot("33-index-390");
      login("applicant");
      open("/app/application.xhtml?id=" + id);
      assertReadable("#f\\:materials .material-name", 1);
      shot("34-application-390");
      logout();
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      applicant.post("/api/v1/applications/" + id + "/withdraw", null);
    }
  }

  // --- helpers ---------------------------------------------------------------------------

  /** Each element: at least 120 px wide or on at most two lines (one line box per rect). */
  static void assertReadable(String css, int atLeast) {
    List<WebElement> names = browser.findElements(By.cssSelector(css));
    assertTrue(names.size() >= atLeast, css + ": " + names.size());
    for (WebElement e : names) {
      long width = ((Number) jsOn("return arguments[0].getBoundingClientRect().width", e)).longValue();
      long lines = ((Number) jsOn("return arguments[0].getClientRects().length", e)).longValue();
      assertTrue(lines <= 2 && (width > 120 || lines == 1),
          "「" + e.getText() + "」 " + width + " px on " + lines + " lines");
    }
  }

  static Object jsOn(String script, Object arg) {
    return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script, arg);
  }

  /** The materials table's row of one material (by its upload or name cell). */
  static WebElement row(String materialCode) {
    int index = List.of("application-form", "business-license", "legal-rep-id", "premises-layout",
        "safety-rules").indexOf(materialCode);
    return browser.findElement(By.cssSelector("#f\\:materials tbody tr[data-ri='" + index + "']"));
  }

  /** The page as rendered: no finding code or verdict name anywhere in the HTML. */
  static void assertNoInternalCodes(String who) {
    String html = browser.getPageSource();
    for (String code : CODES) {
      Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + code + "(?![A-Za-z0-9_])").matcher(html);
      if (m.find()) {
        fail(who + "'s page shows the internal code " + code + ": …"
            + html.substring(Math.max(0, m.start() - 120), Math.min(html.length(), m.end() + 60)) + "…");
      }
    }
  }
}
