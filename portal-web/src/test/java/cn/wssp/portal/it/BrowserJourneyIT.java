package cn.wssp.portal.it;

import jakarta.json.JsonValue;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey as people click it, in headless Chromium against the real portal: the applicant
 * logs in through the login page, finds the promised matter in the service guides, applies,
 * uploads materials through the page's streamed upload (its progress bar shows), submits and watches
 * the pre-review arrive, signs a commitment for the pending material; the window clerk accepts
 * from the acceptance desk; the chief representative seals the decision with the PIN (a wrong
 * PIN first); the decision downloads with the page's session; the public verification page,
 * opened the way the QR code opens it (number + code), says it is valid, and so does an upload
 * of the PDF. Screenshots of the key pages land in target/screenshots/.
 */
class BrowserJourneyIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Pattern CODE = Pattern.compile("验证码[：:]\\s*([A-Z0-9]{12})");

  static RunningPortal portal;
  static WebDriver browser;
  static WebDriverWait wait;
  static Path shots;
  static Path files;
  private static boolean shotsCleared;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && System.getenv("CI") != null) {
      fail("chromium and chromedriver are needed: apt-get install chromium chromium-driver");
    }
    assumeTrue(present, "chromium / chromedriver not installed (apt-get install chromium chromium-driver)");
    portal = RunningPortal.shared();
    shots = Files.createDirectories(Path.of("target", "screenshots"));
    if (!shotsCleared) { // once per run: every browser test class keeps its pictures
      shotsCleared = true;
      try (var old = Files.newDirectoryStream(shots, "*.png")) {
        for (Path png : old) {
          Files.delete(png); // no stale pictures from an earlier run
        }
      }
    }
    files = Files.createDirectories(Path.of("target", "it-work", "browser")).toAbsolutePath();
    // Debian's driver and browser; Selenium Manager must not fetch anything.
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--window-size=1280,1000",
        "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    // The console's errors, for the accessibility walk: a page must not log any.
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.SEVERE);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    // A condition read while the page is being replaced (a form posted, an AJAX update) may find
    // an element and lose it before reading its text: Chromium then answers "stale element" or,
    // since 156, the unknown error "Node with given id does not belong to the document". Both
    // only mean "look again"; a condition that never holds still ends in a timeout that names it.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
  }

  /** The page as it was when a step failed: the first thing to look at. */
  @RegisterExtension
  final TestWatcher screenshotOnFailure = screenshotOnFailure();

  /** For every browser test class: the page as it was when a step failed. */
  static TestWatcher screenshotOnFailure() {
    return new TestWatcher() {
      @Override
      public void testFailed(ExtensionContext context, Throwable cause) {
        try {
          shot("failed-" + context.getRequiredTestMethod().getName());
        } catch (Exception ignored) {
          // no browser, no screenshot
        }
      }
    };
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void applicantAppliesWithCommitmentClerkAcceptsChiefSealsAndAnyoneVerifies() throws Exception {
    browser.manage().deleteAllCookies(); // anonymous, whatever test ran before
    // Anonymous: the service guides, the matter's six disclosures, a link to log in and apply.
    open("/index.xhtml");
    assertTrue(text(By.id("g:matters")).contains("承诺件"), "the guides list the kinds of matter");
    assertTrue(browser.findElement(By.id("verifyLink")).isDisplayed(), "the index links to the verify page");
    shot("01-index");
    click(By.linkText("食品经营许可（新办）"));
    wait.until(ExpectedConditions.urlContains("/matter.xhtml?code=SCJG-0001"));
    String guide = text(By.tagName("main"));
    for (String disclosure : List.of("办理内容", "申请条件", "设定依据", "办理程序", "申请材料", "承诺时限",
        "收费标准", "可容缺", "办理地点", "办公时间", "咨询电话")) {
      assertTrue(guide.contains(disclosure), "the guide shows " + disclosure);
    }
    assertTrue(browser.findElements(By.id("apply:applyButton")).isEmpty(), "no apply button before login");
    assertTrue(browser.findElement(By.cssSelector("#centerPhone a")).getAttribute("href").startsWith("tel:"),
        "the telephone can be called from a phone");
    assertTrue(browser.findElement(By.cssSelector("#materials a.blank-form")).getAttribute("href")
        .endsWith("/api/v1/matters/SCJG-0001/materials/application-form/blank"), "the form's blank");
    shot("02-matter");

    // Log in from the guide: a wrong password first, then the right one returns to the guide.
    click(By.id("apply:loginToApply"));
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    type(By.id("login:username"), "applicant");
    type(By.id("login:password"), "wrong-password");
    click(By.id("login:submit"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "用户名或密码错误"));
    type(By.id("login:username"), "applicant");
    type(By.id("login:password"), "Demo-2026!");
    click(By.id("login:submit"));
    wait.until(ExpectedConditions.urlContains("/matter.xhtml?code=SCJG-0001"));
    assertEquals("林晓（演示科技）", text(By.id("nav:user")));

    // 在线申请 creates the application and opens its page (drafts other tests of this portal
    // left for the enterprise are withdrawn first: a second click continues an open draft).
    withdrawDrafts("applicant");
    click(By.id("apply:applyButton"));
    wait.until(ExpectedConditions.urlContains("/app/application.xhtml?id="));
    String url = browser.getCurrentUrl();
    long id = Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceAll("\\D.*", ""));
    assertEquals("草稿", text(By.id("f:status")));
    String number = text(By.id("f:number"));
    assertTrue(number.startsWith("SQ"), number);
    // Back to the guide and 在线申请 again: the same draft, not a second one.
    open("/matter.xhtml?code=SCJG-0001");
    click(By.id("apply:applyButton"));
    wait.until(ExpectedConditions.urlContains("/app/application.xhtml?id=" + id));
    assertEquals(number, text(By.id("f:number")));

    // Uploads stream from the browser to the REST API (upload.js): the file goes to the row's
    // file input, its progress bar shows, then the table is re-rendered with the stored file.
    // The safety rules (容缺) stay missing, so the pre-review proposes the commitment route.
    watchForProgressBars();
    browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // only the uploads' from here
    List<String> names = List.of("申请书.pdf", "营业执照.pdf", "身份证.pdf", "平面布局图.pdf");
    List<String> codes = List.of("application-form", "business-license", "legal-rep-id",
        "premises-layout");
    for (int row = 0; row < names.size(); row++) {
      Files.write(files.resolve(id + "-" + names.get(row)),
          Materials.valid("SCJG-0001", codes.get(row), 1 + row % 2));
    }
    // The layout drawing is a scan-sized file (over 1 MB): declared, it streams to the store in
    // one PUT as the browser sends it, a path the small files do not take.
    byte[] layout = Materials.padded(Materials.valid("SCJG-0001", codes.get(3), 2), 1536 << 10);
    Files.write(files.resolve(id + "-" + names.get(3)), layout);
    js("var setHeader = XMLHttpRequest.prototype.setRequestHeader; window.declared = [];"
        + "XMLHttpRequest.prototype.setRequestHeader = function (n, v) {"
        + "  if (n === 'Upload-Length') { window.declared.push(Number(v)); }"
        + "  return setHeader.call(this, n, v); };");
    // Two rows at once, their requests held back (the first 1.5 s, the second 4.5 s): a second
    // file on a running row is refused in the row while its upload goes on, and the first to
    // finish waits for the other before the table is re-rendered (that would remove the other
    // row's progress bar).
    js("var send = XMLHttpRequest.prototype.send, held = [1500, 4500];"
        + "XMLHttpRequest.prototype.send = function (b) { var x = this, d = held.shift() || 0;"
        + "  setTimeout(function () { send.call(x, b); }, d); };");
    for (int row = 0; row < 2; row++) {
      browser.findElement(By.cssSelector(".stream-upload[data-ready] input[type=file][id='f:materials:"
          + row + ":upload_input']")).sendKeys(files.resolve(id + "-" + names.get(row)).toString());
    }
    browser.findElement(By.id("f:materials:0:upload_input"))
        .sendKeys(files.resolve(id + "-" + names.get(2)).toString());
    assertTrue(text(By.cssSelector("#f\\:materials tr[data-ri='0'] .stream-upload-status")).contains("正在上传，请等"),
        "a second file on a running row is refused there");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#f\\:materials tr[data-ri='0'] .stream-upload-status"), "其他文件传完后刷新"));
    assertFalse(browser.findElements(By.cssSelector("#f\\:materials tr[data-ri='1'] progress:not([hidden])")).isEmpty(),
        "the other row's upload still shows its progress");
    for (int row = 0; row < names.size(); row++) {
      Path file = files.resolve(id + "-" + names.get(row));
      if (row >= 2) {
        By input = By.cssSelector(".stream-upload[data-ready] input[type=file][id='f:materials:" + row + ":upload_input']");
        wait.until(ExpectedConditions.presenceOfElementLocated(input)).sendKeys(file.toString());
      }
      String stored = file.getFileName().toString();
      wait.until(d -> d.findElements(By.cssSelector("#f\\:materials .file-name")).stream()
          .anyMatch(e -> stale(() -> e.getText().equals(stored))));
      if (row >= 1) { // the two at once re-render together: the last message stands
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:messages"), "已上传「" + stored + "」"));
      }
    }
    assertEquals(Boolean.TRUE, js("return window.sawProgress === true"), "the upload progress bar was shown");
    assertEquals(List.of(), browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
        .stream().map(org.openqa.selenium.logging.LogEntry::getMessage).toList(), "no console error while uploading");
    String materials = text(By.id("f:materials"));
    assertTrue(materials.contains("识别为 PDF"), "the detected media type is shown: " + materials);
    assertTrue(materials.contains("SHA-256"), "the short SHA-256 is shown");
    assertTrue(materials.contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest
        .getInstance("SHA-256").digest(layout)).substring(0, 12)),
        "the large file was stored whole: its SHA-256 is shown: " + materials);
    assertEquals(Boolean.TRUE, js("return window.declared.length === 4 && window.declared.indexOf("
        + layout.length + ") >= 0"), "every upload declared its size, the large one too");
    assertTrue(materials.contains("已上传 4 / 5"), materials);
    shot("03-uploaded");

    // Submit; the page polls until the background pre-review has judged the materials.
    click(By.id("f:submit"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f:waiting")));
    wait.until(ExpectedConditions.textToBe(By.id("f:verdict"), "仅可容缺材料未齐，可签署告知承诺书"));
    assertEquals("预审完成，待窗口确认", text(By.id("f:status")));
    assertTrue(text(By.id("f:findings")).contains("食品安全管理制度文本"), "the finding names the material");
    Thread.sleep(2500);
    assertEquals(0L, js("return Object.values(PrimeFaces.widgets).filter(function(w) {"
        + " return w instanceof PrimeFaces.widget.Poll && w.active; }).length"), "polling stopped");
    shot("04-prereviewed");
    // In English the finding reads in English, its Chinese original (with the details) beside it.
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:findings"),
        "This required material has not been uploaded."));
    assertFalse(browser.findElements(By.cssSelector("#f\\:findings [lang='zh-CN']")).isEmpty(),
        "the Chinese original is marked as Chinese");
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBe(By.id("f:verdict"), "仅可容缺材料未齐，可签署告知承诺书"));

    // 告知承诺: pick the pending material and a date, sign.
    click(By.cssSelector("#f\\:commitMaterials .ui-chkbox-box"));
    WebElement due = browser.findElement(By.id("f:commitDue_input"));
    due.clear();
    due.sendKeys("2099-01-31", Keys.ESCAPE);
    click(By.id("f:signCommitment"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:commitment"), "2099-01-31"));
    assertTrue(text(By.id("f:commitment")).contains("食品安全管理制度文本"));
    shot("05-commitment");

    // The window clerk finds it on the acceptance desk and accepts.
    logout();
    login("clerk");
    assertTrue(text(By.tagName("h1")).contains("受理工作台"));
    WebElement row = browser.findElements(By.cssSelector("#w\\:applications tbody tr")).stream()
        .filter(tr -> tr.getText().contains(number)).findFirst().orElseThrow();
    assertTrue(row.getText().contains("预审完成，待窗口确认"), row.getText());
    assertFalse(row.findElements(By.cssSelector(".light-GREEN")).isEmpty(),
        "two working days left for the pre-review: a green light");
    shot("06-worklist");
    click(By.linkText(number));
    wait.until(ExpectedConditions.urlContains("/app/application.xhtml?id=" + id));
    assertTrue(text(By.id("f:trail")).contains("签署承诺书"), "staff see the audit trail");
    shot("07-clerk");
    click(By.id("f:accept"));
    wait.until(ExpectedConditions.textToBe(By.id("f:status"), "已容缺受理"));
    assertTrue(text(By.id("f:documents")).contains("受理通知书"));

    // The department's reviewer gives the chief representative an opinion (审查意见).
    logout();
    login("reviewer");
    open("/app/application.xhtml?id=" + id);
    type(By.id("f:opinionReason"), "材料齐全，同意许可。");
    click(By.id("f:giveOpinion"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:opinions"), "材料齐全，同意许可。"));
    shot("07b-opinion");

    // The chief representative (B) seals: a wrong PIN is refused, the right one issues.
    logout();
    login("chief-b");
    // The menu counts what waits in the database, narrowed to the department's matters as the
    // chief's queue is: the two numbers agree.
    assertEquals(text(By.cssSelector("a.light-filter.chosen .count")).trim(),
        js("var b = document.getElementById('nav:waiting');"
            + " return b == null ? '' : b.firstChild.textContent;").toString().trim(),
        "the menu's count is the chief's queue's");
    click(By.linkText(number));
    wait.until(ExpectedConditions.urlContains("/app/application.xhtml?id=" + id));
    assertTrue(text(By.id("f:opinions")).contains("材料齐全，同意许可。"), "the chief sees the opinion");
    assertTrue(browser.findElement(By.cssSelector("#f\\:outcome input[value=APPROVE]")).isSelected(),
        "准予 is the preselected outcome");
    type(By.id("f:decisionText"), "许可经营项目：预包装食品销售。");
    // The draft opens from what is typed, before any PIN: unsigned and marked as a draft.
    js("window.openedDraft = null; window.open = function(u) { window.openedDraft = u; return null; };");
    click(By.id("preview"));
    String draftUrl = portal.url() + js("return window.openedDraft;").toString()
        .replaceFirst("^https?://[^/]+", "");
    assertTrue(draftUrl.contains("/decision/preview?outcome=APPROVE&text="), draftUrl);
    HttpResponse<byte[]> draft = getWithSession(draftUrl);
    assertEquals(200, draft.statusCode());
    assertEquals("application/pdf", draft.headers().firstValue("Content-Type").orElse(""));
    Path draftFile = files.resolve("draft.pdf");
    Files.write(draftFile, draft.body());
    Pdfsig.requireTool("pdftotext", "poppler-utils");
    String draftText = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", draftFile.toString(), "-"))
        .replaceAll("\\s+", "");
    assertTrue(draftText.contains("草稿（未签章，不具法律效力）") && draftText.contains("预包装食品销售"), draftText);
    // Signing by keyboard alone: Tab to 签章…, Enter opens the dialog with focus on the PIN,
    // Esc closes it and focus is back on the button.
    WebElement textArea = browser.findElement(By.id("f:decisionText"));
    textArea.click();
    for (int i = 0; i < 6 && !"f:sign".equals(activeId()); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals("f:sign", activeId(), "Tab reaches the sign button");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> "f:pin".equals(activeId()));
    WebElement dialog = browser.findElement(By.id("f:signDialog"));
    assertEquals("dialog", dialog.getAttribute("role"));
    assertEquals("f:signDialog_title", dialog.getAttribute("aria-labelledby"));
    String summary = text(By.id("f:signDialogBody"));
    assertTrue(summary.contains("准予") && summary.contains("预包装食品销售")
        && summary.contains("市场监督管理局行政许可专用章"), "the dialog restates what is signed: " + summary);
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("f:signDialog")));
    wait.until(d -> "f:sign".equals(activeId()));
    // Again; a wrong PIN and Enter: refused next to the field, the dialog stays, the PIN is cleared
    // and has the focus again.
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> "f:pin".equals(activeId()));
    browser.switchTo().activeElement().sendKeys("000000", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:pinMsg"), "签章密码"));
    assertTrue(browser.findElement(By.id("f:signDialog")).isDisplayed(), "the dialog stays open");
    wait.until(d -> "f:pin".equals(activeId()));
    assertEquals("", browser.findElement(By.id("f:pin")).getAttribute("value"));
    assertEquals("已容缺受理", text(By.id("f:status")), "nothing was signed");
    shot("08a-sign-dialog");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    shot("08b-sign-dialog-390");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    wait.until(d -> "f:pin".equals(activeId()));
    // The right PIN and Enter: the dialog closes and the decision is issued.
    browser.switchTo().activeElement().sendKeys("123456", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:documents"), "准予行政许可决定书"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("f:signDialog")));
    assertEquals("已办结", text(By.id("f:status")));
    shot("08-sealed");

    // The download link works with the page's own login (session cookie, no token).
    WebElement link = browser.findElements(By.cssSelector("#f\\:documents tr")).stream()
        .filter(tr -> tr.getText().contains("准予行政许可决定书")).findFirst().orElseThrow()
        .findElement(By.cssSelector("a.document-link"));
    String decisionNumber = browser.findElements(By.cssSelector("#f\\:documents tr")).stream()
        .filter(tr -> tr.getText().contains("准予行政许可决定书")).findFirst().orElseThrow()
        .findElement(By.cssSelector(".doc-number")).getText();
    HttpResponse<byte[]> download = getWithSession(link.getAttribute("href"));
    assertEquals(200, download.statusCode());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    byte[] pdf = download.body();
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    Path pdfFile = files.resolve(decisionNumber + ".pdf");
    Files.write(pdfFile, pdf);
    String code = verificationCode(pdfFile);
    String decisionText = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", pdfFile.toString(), "-"))
        .replaceAll("\\s+", "");
    assertTrue(decisionText.contains("依据告知承诺制作出") && decisionText.contains("2099年1月31日")
        && decisionText.contains("食品安全管理制度文本"), "a decision on commitment states it: " + decisionText);

    // Anyone: the QR code's address (number + code) verifies at once.
    logout();
    open("/verify.xhtml?number=" + URLEncoder.encode(decisionNumber, StandardCharsets.UTF_8) + "&code=" + code);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("v:verdict")));
    assertTrue(text(By.id("v:verdict")).startsWith("有效"), text(By.id("v:verdict")));
    assertEquals(decisionNumber, text(By.id("v:docNumber")));
    String signatures = text(By.id("v:signatures"));
    assertTrue(signatures.contains("市场监督管理局"), signatures);
    assertTrue(signatures.contains("有效"), signatures);
    assertTrue(text(By.id("v:report")).contains("准予行政许可决定书"));
    assertEquals("证据清单中的材料摘要与存档一致", text(By.id("v:manifest")));
    shot("09-verified-by-code");

    // A wrong code is refused with the service's message, not an error page.
    WebElement codeField = browser.findElement(By.id("v:code"));
    codeField.clear();
    codeField.sendKeys("WRONG999");
    click(By.id("v:check"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("v:messages"), "未找到该文书"));

    // The downloaded PDF itself, uploaded on the same page.
    browser.findElement(By.cssSelector("input[type=file][id='v:file_input']")).sendKeys(pdfFile.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("v:report"), pdfFile.getFileName().toString()));
    assertTrue(text(By.id("v:verdict")).startsWith("有效"), text(By.id("v:verdict")));
    shot("10-verified-by-upload");

    // 好差评: the enterprise rates the handling once; the form gives way to the rating given.
    login("applicant");
    open("/app/application.xhtml?id=" + id);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f:evaluationForm")));
    click(By.id("f:evaluate"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:evaluation"), "请选择 1 到 5 星"));
    browser.findElements(By.cssSelector("#f\\:evalScore .ui-rating-star")).get(3).click();
    type(By.id("f:evalComment"), "网上办理很方便，一次告知清楚。");
    click(By.id("f:evaluate"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f:evaluationGiven")));
    assertEquals("★★★★☆", text(By.cssSelector(".evaluation-stars")));
    assertTrue(browser.findElements(By.id("f:evaluationForm")).isEmpty(), "rated once");
    shot("09b-evaluated");
    logout();

    // English on request, kept in the session; the address (with its parameters) stays.
    open("/verify.xhtml?number=" + URLEncoder.encode(decisionNumber, StandardCharsets.UTF_8) + "&code=" + code);
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Verify a document"));
    assertTrue(text(By.id("v:verdict")).startsWith("Valid"), text(By.id("v:verdict")));
    // A refusal of the domain reads in English on an English page (a wrong tracking code).
    open("/track.xhtml?number=" + URLEncoder.encode(decisionNumber, StandardCharsets.UTF_8)
        + "&code=NOT-THE-CODE");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("t:messages"),
        "No application with this number and tracking code"));
    open("/index.xhtml");
    assertTrue(text(By.tagName("h1")).contains("Service guides"));
    // The matters' names, kinds and time limits read in English too (the demo's matters have
    // English names in the catalogue; a matter without one keeps its Chinese name).
    List<String> matterNames = browser.findElements(By.cssSelector("a.matter-link")).stream()
        .map(WebElement::getText).toList();
    assertTrue(matterNames.contains("Food business licence (new)"), matterNames.toString());
    open("/matter.xhtml?code=SCJG-0001");
    assertTrue(text(By.tagName("h1")).startsWith("Food business licence (new)"), text(By.tagName("h1")));
    assertTrue(text(By.id("materials")).contains("Floor plan of the premises"), text(By.id("materials")));
    open("/index.xhtml");
    List<WebElement> kinds = browser.findElements(By.cssSelector("span.kind"));
    assertFalse(kinds.isEmpty());
    kinds.forEach(k -> assertFalse(k.getText().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff),
        "an English kind: " + k.getText()));
    assertFalse(browser.getPageSource().contains("个工作日"));
    assertFalse(browser.getPageSource().matches("(?s).*\\b1 working days.*"), "1 working day, singular");
    shot("11-english");
    // The login page's refusals are English too (an unknown user: no one's throttle counts it).
    open("/login.xhtml");
    type(By.id("login:username"), "nobody.in.english");
    type(By.id("login:password"), "not-the-password");
    click(By.id("login:submit"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"),
        "Wrong user name or password"));
    open("/index.xhtml");
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "办事指南"));
  }

  /**
   * 上报件: the chief records the province's answer in the PIN dialog that restates it; a missing
   * reference number is named at its field before any dialog opens.
   */
  @Test
  void theChiefRecordsTheHigherAuthoritysAnswerInThePinDialog() throws Exception {
    long id = ForwardingIT.accepted(portal, Api.login(portal, "applicant"));
    assertEquals(200, Api.login(portal, "reviewer").post("/api/v1/applications/" + id + "/forwarding",
        "{\"authority\":\"福建省市场监督管理局\",\"opinion\":\"建议准予许可。\"}").status());
    browser.manage().deleteAllCookies();
    login("chief-b");
    open("/app/application.xhtml?id=" + id);
    assertTrue(text(By.id("f:forwardedTo")).contains("福建省市场监督管理局"), text(By.id("f:forwardedTo")));
    click(By.cssSelector("label[for='f:replyOutcome:0']")); // 同意许可
    type(By.id("f:replyText"), "准予保健食品生产许可，生产品种：片剂。");
    click(By.id("f:answer"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:replyReferenceMsg"), "文号"));
    assertFalse(browser.findElement(By.id("f:answerDialog")).isDisplayed(), "no dialog without a reference");
    type(By.id("f:replyReference"), ForwardingIT.REFERENCE);
    click(By.id("f:answer"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f:answerDialog")));
    String summary = text(By.id("f:answerDialogBody"));
    assertTrue(summary.contains(ForwardingIT.REFERENCE) && summary.contains("片剂"),
        "the dialog restates the answer: " + summary);
    wait.until(d -> "f:replyPin".equals(activeId()));
    browser.switchTo().activeElement().sendKeys("123456", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:documents"), "准予行政许可决定书"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("f:answerDialog")));
    assertTrue(text(By.id("f:forwardedTo")).contains(ForwardingIT.REFERENCE), text(By.id("f:forwardedTo")));
    shot("12-forwarding-answered");
    logout();
  }

  /** Stored XSS (docs/SECURITY.md): an HTML page uploaded as a material never runs here. */
  @Test
  void anUploadedHtmlMaterialNeverRunsScriptInThePortal() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    ApiJourneyIT.upload(applicant, id, "premises-layout", "layout.pdf",
        ("<html><head><title>pwned</title></head><body><script>alert('xss');"
            + "document.title='pwned'</script></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    login("applicant");
    open("/app/application.xhtml?id=" + id);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("material-view")));
    String title = browser.getTitle();
    browser.get(portal.url() + "/api/v1/applications/" + id + "/materials/premises-layout");
    Thread.sleep(1500);
    assertThrows(org.openqa.selenium.NoAlertPresentException.class, () -> browser.switchTo().alert(),
        "the uploaded script ran in the portal's origin");
    assertNotEquals("pwned", browser.getTitle());
    assertEquals(title, browser.getTitle(), "a download, not a page");
    logout();
  }

  @Test
  void protectedPagesAskForALoginAndComeBack() {
    browser.manage().deleteAllCookies();
    open("/app/applications.xhtml");
    wait.until(ExpectedConditions.urlContains("/login.xhtml?next="));
    type(By.id("login:username"), "supervisor");
    type(By.id("login:password"), "Demo-2026!");
    click(By.id("login:submit"));
    wait.until(ExpectedConditions.urlContains("/app/applications.xhtml"));
    assertTrue(text(By.tagName("h1")).contains("申请一览"));
    logout();
  }

  @Test
  void theSupervisorSeesTheDashboardWithChartsAndChecksTheAuditLog() throws Exception {
    browser.manage().deleteAllCookies();
    login("supervisor");
    click(By.id("nav:supervision"));
    wait.until(ExpectedConditions.urlContains("/app/supervision.xhtml"));
    assertEquals("电子监察", text(By.tagName("h1")));
    for (String figure : List.of("open", "overdue", "onTime", "handling", "commitmentsOpen")) {
      assertFalse(text(By.id(figure)).isEmpty(), figure);
    }
    // Chart.js drew both charts: each canvas differs from a blank one of its size.
    wait.until(d -> Boolean.TRUE.equals(js("const cs = Array.from(document.querySelectorAll('canvas'));"
        + " return cs.length == 2 && cs.every(c => { const b = document.createElement('canvas');"
        + " b.width = c.width; b.height = c.height; return c.width > 0 && c.toDataURL() != b.toDataURL(); });")));
    assertTrue(text(By.id("departments")).contains("市场监督管理局"));
    click(By.id("audit:verifyAudit"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:chainResult"), "审计日志完整"));
    shot("20-supervision");
    logout();
    // Not for other roles: the clerk has no link and the page refuses.
    login("clerk");
    assertTrue(browser.findElements(By.id("nav:supervision")).isEmpty());
    open("/app/supervision.xhtml");
    assertTrue(text(By.id("messages")).contains("只有电子监察"), text(By.tagName("main")));
    logout();
  }

  @Test
  void theWindowAsksForASupplementAndTheApplicantMayUploadAgain() throws Exception {
    // Prepared through the API: a picture named .pdf for the form, everything else missing.
    Api applicant = Api.login(portal, "applicant");
    Api.Reply created = applicant.post("/api/v1/applications", "{\"matterCode\":\"SCJG-0001\"}");
    long id = created.json().getJsonNumber("id").longValue();
    Api.Reply put = applicant.putFile("/api/v1/applications/" + id + "/materials/application-form",
        "申请书.pdf", TestFiles.png());
    assertEquals(200, put.status(), put.toString());
    assertEquals(200, applicant.post("/api/v1/applications/" + id + "/submit", null).status());
    awaitStatus(applicant, id, "PRE_REVIEWED");

    browser.manage().deleteAllCookies();
    login("clerk");
    open("/app/application.xhtml?id=" + id);
    assertEquals("材料不齐全或不符合要求", text(By.id("f:verdict")));
    String findings = text(By.id("f:findings"));
    assertTrue(findings.contains("营业执照副本") && findings.contains("须补正"), findings);
    // Refusing needs a reason: the service says so on the page.
    click(By.id("f:refuse"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:messages"), "不予受理必须填写理由"));
    type(By.id("f:reason"), "另请提供法定代表人身份证明复印件。");
    click(By.id("f:supplement"));
    wait.until(ExpectedConditions.textToBe(By.id("f:status"), "待补正"));
    assertTrue(text(By.id("f:documents")).contains("补正材料一次性告知书"));
    logout();

    login("applicant");
    open("/app/application.xhtml?id=" + id);
    assertTrue(text(By.tagName("main")).contains("窗口已要求补正"));
    assertFalse(browser.findElements(By.cssSelector("input[type=file][id='f:materials:0:upload_input']")).isEmpty(),
        "the materials can be uploaded again");
    assertTrue(browser.findElements(By.id("f:trail")).isEmpty(), "the audit trail is for staff");
    shot("12-supplement-requested");
    // The login ended while the page stayed open: the upload is refused (401) and the row says
    // to log in again; nothing was stored.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stream-upload[data-ready]")));
    browser.manage().deleteAllCookies();
    Path late = files.resolve(id + "-申请书-迟到.pdf");
    Files.write(late, Materials.valid("SCJG-0001", "application-form"));
    browser.findElement(By.id("f:materials:0:upload_input")).sendKeys(late.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#f\\:materials tr[data-ri='0'] .stream-upload-status[role=alert]"), "重新登录"));
    assertEquals("申请书.pdf", applicant.get("/api/v1/applications/" + id).json()
        .getJsonArray("materials").getJsonObject(0).getString("fileName"));
  }

  @Test
  void aFormSentAfterTheSessionEndedReopensThePage() {
    browser.manage().deleteAllCookies();
    open("/verify.xhtml");
    type(By.id("v:number"), "ZY2026999999");
    type(By.id("v:code"), "ABCDEFGH");
    browser.manage().deleteAllCookies(); // as after 60 idle minutes or a restart
    click(By.id("v:check"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("v:messages"), "页面已过期"));
    String page = browser.getPageSource();
    assertFalse(page.contains("HTTP Status 500") || page.contains("\tat "), "no error page, no stack trace");
  }

  // --- helpers ---------------------------------------------------------------------------

  static void awaitStatus(Api api, long id, String status) throws Exception {
    String last = null;
    for (int i = 0; i < 120; i++) {
      last = api.get("/api/v1/applications/" + id).json().getString("status");
      if (status.equals(last)) {
        return;
      }
      Thread.sleep(500);
    }
    fail("application " + id + " never reached " + status + " (last: " + last + ")");
  }

  /** Withdraws the drafts the user's enterprise has open, through the API. */
  static void withdrawDrafts(String user) throws Exception {
    Api api = Api.login(portal, user);
    for (JsonValue a : api.get("/api/v1/applications?status=DRAFT").structure().asJsonArray()) {
      long draft = a.asJsonObject().getJsonNumber("id").longValue();
      Api.Reply r = api.post("/api/v1/applications/" + draft + "/withdraw", null);
      assertEquals(200, r.status(), r.toString());
    }
  }

  static void login(String user) {
    open("/login.xhtml");
    type(By.id("login:username"), user);
    type(By.id("login:password"), "Demo-2026!");
    click(By.id("login:submit"));
    wait.until(ExpectedConditions.urlContains("/app/applications.xhtml"));
  }

  static void logout() {
    click(By.id("nav:logout"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav:login")));
  }

  static void open(String path) {
    browser.get(portal.url() + path);
  }

  static void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  static void type(By by, String value) {
    WebElement e = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    e.clear();
    e.sendKeys(value);
  }

  static String text(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by)).getText().trim();
  }

  static String activeId() {
    return String.valueOf(js("return document.activeElement && document.activeElement.id;"));
  }

  static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  /** An element re-rendered by an Ajax update mid-check counts as "not yet". */
  static boolean stale(java.util.function.BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (StaleElementReferenceException e) {
      return false;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return false; // Chromium's other word for a stale element
      }
      throw e;
    }
  }

  /** Remembers whether an upload's progress bar (upload.js unhides it) ever showed on the page. */
  static void watchForProgressBars() {
    js("window.sawProgress = false;"
        + "new MutationObserver(function() {"
        + "  if (document.querySelector('.stream-upload progress:not([hidden])')) {"
        + "    window.sawProgress = true; }"
        + "}).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'value']});");
  }

  /** GET with the browser's session cookie: what a click on the download link does. */
  static HttpResponse<byte[]> getWithSession(String href) throws Exception {
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    assertNotNull(session, "the browser holds a session");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
            .header("Cookie", "JSESSIONID=" + session.getValue()).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The verification code printed on the document (the QR code carries the same). */
  static String verificationCode(Path pdf) throws Exception {
    Pdfsig.requireTool("pdftotext", "poppler-utils");
    String text = Pdfsig.run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
    Matcher m = CODE.matcher(text);
    assertTrue(m.find(), "no verification code printed on the decision:\n" + text);
    return m.group(1);
  }

  static void shot(String name) throws Exception {
    Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
