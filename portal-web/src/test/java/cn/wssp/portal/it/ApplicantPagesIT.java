package cn.wssp.portal.it;

import static cn.wssp.portal.it.BrowserJourneyIT.browser;
import static cn.wssp.portal.it.BrowserJourneyIT.click;
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

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The applicant's side in headless Chromium: 我的办件 filtered (status group, number, matter and
 * dates) and paged by the server, sorted by submission time; the 办理进度 timeline of an issued
 * application with Beijing times, the deciding department and the deadlines; 我的证照 with the
 * decision's standing and its preview frame loading the PDF from the portal.
 */
class ApplicantPagesIT {
  static final Pattern REPORT = Pattern.compile("共 (\\d+) 件，第 (\\d+) / (\\d+) 页");
  static final Pattern CN_TIME = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

  @RegisterExtension
  final TestWatcher screenshotOnFailure = BrowserJourneyIT.screenshotOnFailure();

  static long issued;
  static String issuedNumber;
  static final List<Long> drafts = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    BrowserJourneyIT.start();
    Api applicant = Api.login(portal, "applicant");
    // One issued application (即办件: accepted by the window, approved and sealed by chief B).
    issued = ApiJourneyIT.preReviewedLossStatement(applicant);
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + issued
        + "/acceptance", "{\"action\":\"ACCEPT\"}").status());
    Api.Reply decided = Api.login(portal, "chief-b").post("/api/v1/applications/" + issued
        + "/decision", "{\"outcome\":\"APPROVE\",\"text\":\"准予补领营业执照。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    issuedNumber = applicant.get("/api/v1/applications/" + issued).json().getString("number");
    // Enough drafts for more than one page of ten.
    for (int i = 0; i < 11; i++) {
      drafts.add(ApiJourneyIT.create(applicant, "LB-0001"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (portal != null && !drafts.isEmpty()) {
      Api applicant = Api.login(portal, "applicant");
      for (long d : drafts) {
        applicant.post("/api/v1/applications/" + d + "/withdraw", null);
      }
    }
    BrowserJourneyIT.stop();
  }

  /** "共 N 件，第 P / T 页" of the pager, as numbers. */
  static int[] report() {
    Matcher m = REPORT.matcher(text(By.cssSelector("#mineForm\\:mine .ui-paginator-current")));
    assertTrue(m.find(), "the pager reports the total");
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3))};
  }

  static List<String> column(String cssClass) {
    return browser.findElements(By.cssSelector("#mineForm\\:mine tbody tr ." + cssClass)).stream()
        .map(e -> e.getText().trim()).toList();
  }

  /** Runs the search and waits for the table's Ajax update. */
  static void search() {
    js("window.tableUpdated = false; var t = document.getElementById('mineForm:mine');"
        + " new MutationObserver(function() { window.tableUpdated = true; })"
        + ".observe(t.parentNode, {subtree: true, childList: true});");
    click(By.id("mineForm:search"));
    wait.until(d -> Boolean.TRUE.equals(js("return window.tableUpdated === true")));
    wait.until(d -> Boolean.TRUE.equals(js("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()")));
  }

  @Test
  void theApplicantFiltersAndPagesTheListFollowsTheTimelineAndPreviewsTheLicence() throws Exception {
    browser.manage().deleteAllCookies();
    login("applicant");
    assertEquals("我的办件", text(By.tagName("h1")));
    assertTrue(browser.findElements(By.id("w:applications")).isEmpty(), "not the staff worklist");

    // Server-side paging: ten rows, the total from a count query, page 2 is other rows.
    int[] all = report();
    assertTrue(all[0] >= 12, "at least the issued one and 11 drafts: " + all[0]);
    assertEquals(10, column("application-link").size());
    List<String> firstPage = column("application-link");
    // Newest submission first; drafts (not submitted) after every submitted one.
    List<String> submitted = column("submitted-at");
    assertEquals(submitted.stream().filter(s -> !s.equals("未提交")).sorted(java.util.Comparator.reverseOrder()).toList(),
        submitted.stream().filter(s -> !s.equals("未提交")).toList(), "newest first: " + submitted);
    click(By.cssSelector("#mineForm\\:mine .ui-paginator-next"));
    wait.until(d -> stale(() -> report()[1] == 2));
    List<String> secondPage = column("application-link");
    assertFalse(secondPage.isEmpty());
    assertTrue(secondPage.stream().noneMatch(firstPage::contains), "page 2 shows other applications");
    shot("30-mine-page2");

    // Sorting by submission time, oldest first: the first submitted row is the oldest.
    click(By.cssSelector("#mineForm\\:mine th.ui-sortable-column"));
    wait.until(d -> stale(() -> "ascending".equals(browser.findElement(
        By.cssSelector("#mineForm\\:mine th.ui-sortable-column")).getAttribute("aria-sort"))));
    List<String> ascending = column("submitted-at").stream().filter(s -> !s.equals("未提交")).toList();
    assertEquals(ascending.stream().sorted().toList(), ascending, "oldest first: " + ascending);

    // Status group 草稿: only drafts, and as many as the API counts.
    new Select(browser.findElement(By.id("mineForm:group"))).selectByVisibleText("草稿");
    search();
    int draftsListed = report()[0];
    int draftsInApi = Api.login(portal, "applicant").get("/api/v1/applications?status=DRAFT").structure()
        .asJsonArray().size();
    assertEquals(draftsInApi, draftsListed);
    assertTrue(column("status").stream().allMatch("草稿"::equals), column("status").toString());

    // 已办结 + part of the number: exactly the issued application.
    new Select(browser.findElement(By.id("mineForm:group"))).selectByVisibleText("已办结");
    type(By.id("mineForm:number"), issuedNumber.substring(2).toLowerCase());
    search();
    assertEquals(List.of(issuedNumber), column("application-link"));
    assertEquals(1, report()[0]);

    // Matter and submission dates (today, Beijing time) keep it; a range in the past does not.
    click(By.id("mineForm:reset"));
    wait.until(d -> stale(() -> browser.findElement(By.id("mineForm:number")).getAttribute("value").isEmpty()));
    new Select(browser.findElement(By.id("mineForm:matter"))).selectByValue("SCJG-0002");
    type(By.id("mineForm:number"), issuedNumber);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    setDate("mineFrom", today);
    setDate("mineTo", today);
    search();
    assertEquals(List.of(issuedNumber), column("application-link"));
    setDate("mineFrom", "2020-01-01");
    setDate("mineTo", "2020-01-31");
    search();
    assertEquals(0, report()[0]);
    assertTrue(text(By.id("mineForm:mine")).contains("没有符合条件的办件"));
    shot("31-mine-filtered");

    // The timeline of the issued application: steps, Beijing times, department, deadlines.
    open("/app/application.xhtml?id=" + issued);
    String steps = text(By.id("steps"));
    for (String step : List.of("提交申请", "受理", "准予许可", "办结")) {
      assertTrue(steps.contains(step), step + " in " + steps);
    }
    assertTrue(steps.contains("市场监督管理局"), "the deciding department: " + steps);
    List<WebElement> times = browser.findElements(By.cssSelector("#steps time.timeline-time"));
    assertFalse(times.isEmpty());
    for (WebElement t : times) {
      assertTrue(CN_TIME.matcher(t.getText()).matches(), "Chinese format: " + t.getText());
      assertTrue(t.getAttribute("datetime").endsWith("+08:00"), "Beijing time: " + t.getAttribute("datetime"));
    }
    assertEquals("step", browser.findElement(By.cssSelector("#steps li:last-child")).getAttribute("aria-current"));
    String deadlines = text(By.id("deadlines"));
    assertTrue(deadlines.contains("承诺办结时限") && deadlines.contains("已完成"), deadlines);
    shot("32-timeline");

    // 我的证照: the decision with its standing, previewed in the page from the portal.
    click(By.id("nav:licences"));
    wait.until(ExpectedConditions.urlContains("/app/licences.xhtml"));
    assertEquals("我的证照", text(By.tagName("h1")));
    JsonObject view = Api.login(portal, "applicant").get("/api/v1/applications/" + issued).json();
    JsonObject decision = view.getJsonArray("documents").stream().map(v -> v.asJsonObject())
        .filter(d -> d.getString("kind").equals("APPROVAL_DECISION")).findFirst().orElseThrow();
    long docId = decision.getJsonNumber("id").longValue();
    WebElement item = browser.findElement(By.cssSelector("li.licence[data-document='" + docId + "']"));
    assertTrue(item.getText().contains(decision.getString("number")), item.getText());
    assertTrue(item.getText().contains(issuedNumber), item.getText());
    assertEquals("有效", item.findElement(By.cssSelector(".standing")).getText().trim());
    // By keyboard: Enter on the item's 预览 button; the focus stays on it after the update.
    WebElement show = item.findElement(By.cssSelector("button[id$=':show']"));
    String showId = show.getAttribute("id");
    show.sendKeys(org.openqa.selenium.Keys.ENTER);
    String src = "/api/v1/documents/" + docId + "?inline=1";
    wait.until(d -> stale(() -> d.findElement(By.id("previewFrame")).getAttribute("src").endsWith(src)));
    // The frame's own load, as the browser saw it: the portal answered 200 for that address.
    wait.until(d -> Boolean.TRUE.equals(js("return performance.getEntriesByType('resource').some(function(e) {"
        + " return e.name.endsWith('" + src + "') && e.initiatorType === 'iframe'"
        + " && (e.responseStatus === undefined || e.responseStatus === 200); })")));
    wait.until(d -> showId.equals(js("return document.activeElement && document.activeElement.id")));
    // And what that address answers with the page's session: the PDF, inline, framable by the portal only.
    String frameUrl = browser.findElement(By.id("previewFrame")).getAttribute("src");
    HttpResponse<byte[]> inline = getWithSession(frameUrl);
    assertEquals(200, inline.statusCode());
    assertEquals("application/pdf", inline.headers().firstValue("Content-Type").orElse(""));
    assertTrue(inline.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
    assertEquals("SAMEORIGIN", inline.headers().firstValue("X-Frame-Options").orElse(""));
    List<String> policies = inline.headers().allValues("Content-Security-Policy");
    assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'self'")), policies.toString());
    assertTrue(policies.stream().noneMatch(p -> p.contains("frame-ancestors 'none'")), policies.toString());
    assertTrue(policies.stream().anyMatch(p -> p.startsWith("sandbox")), policies.toString());
    assertEquals("%PDF", new String(inline.body(), 0, 4, StandardCharsets.US_ASCII));
    // The download stays an attachment, and the page itself may still not be framed.
    // (the list was re-rendered by the preview's Ajax update: find the item again)
    item = browser.findElement(By.cssSelector("li.licence[data-document='" + docId + "']"));
    assertTrue(item.getAttribute("class").contains("licence-shown"), "the previewed one is marked");
    String href = item.findElement(By.cssSelector("a.document-link")).getAttribute("href");
    HttpResponse<byte[]> download = getWithSession(href);
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    assertEquals("DENY", download.headers().firstValue("X-Frame-Options").orElse(""));
    HttpResponse<byte[]> page = getWithSession(browser.getCurrentUrl());
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    shot("33-licences");

    // English: the same page, every new label translated.
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My licences"));
    assertEquals("Valid", text(By.cssSelector("li.licence[data-document='" + docId + "'] .standing")));
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的证照"));
    logout();
  }

  @Test
  void staffKeepTheirWorklistAndHaveNoLicencesPage() {
    browser.manage().deleteAllCookies();
    login("clerk");
    assertTrue(text(By.tagName("h1")).contains("受理工作台"));
    assertFalse(browser.findElements(By.id("w:applications")).isEmpty(), "the clerk's worklist");
    assertTrue(browser.findElements(By.id("mineForm:mine")).isEmpty());
    assertTrue(browser.findElements(By.id("nav:licences")).isEmpty());
    open("/app/licences.xhtml");
    assertTrue(text(By.tagName("main")).contains("申请人"), text(By.tagName("main")));
    logout();
  }

  /** Sets a date picker's day through its widget (the field then holds what the form sends). */
  static void setDate(String widget, String value) {
    java.time.LocalDate day = java.time.LocalDate.parse(value);
    js("PF('" + widget + "').setDate(new Date(" + day.getYear() + ", " + (day.getMonthValue() - 1)
        + ", " + day.getDayOfMonth() + ")); PF('" + widget + "').hide && PF('" + widget + "').hide();");
    String field = widget.equals("mineFrom") ? "mineForm:from_input" : "mineForm:to_input";
    assertEquals(value, browser.findElement(By.id(field)).getAttribute("value"));
  }


}
