package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey as people do it, in headless Chromium: the applicant logs in, applies, uploads
 * every material through the PrimeFaces upload (its progress bar shows), submits and sees the
 * pre-review; the chief representative seals the decision with the PIN; the verify page
 * confirms the downloaded PDF.
 */
class BrowserJourneyIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static RunningPortal portal;
  static WebDriver browser;
  static WebDriverWait wait;
  static Path shots;
  static Path files;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && System.getenv("CI") != null) {
      fail("chromium and chromedriver are needed: apt-get install chromium chromium-driver");
    }
    assumeTrue(present, "chromium / chromedriver not installed (apt-get install chromium chromium-driver)");
    portal = RunningPortal.shared();
    shots = Files.createDirectories(Path.of("target", "screenshots"));
    files = Files.createDirectories(Path.of("target", "it-work", "uploads")).toAbsolutePath();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void applicantAppliesUploadsSubmitsAndChiefSeals() throws Exception {
    try {
      journey();
    } catch (Exception | AssertionError e) {
      shot("failure");
      throw e;
    }
  }

  void journey() throws Exception {
    login("applicant");
    open("/index.xhtml");
    browser.findElement(By.linkText("食品经营许可（新办）")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("apply:applyButton"))).click();
    wait.until(ExpectedConditions.urlContains("/app/application.xhtml?id="));
    String url = browser.getCurrentUrl();
    long id = Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceAll("\\D.*", ""));
    shot("1-application");

    watchForProgressBars();
    List<String> names = List.of("申请书.pdf", "营业执照.pdf", "平面布局图.pdf", "管理制度.pdf");
    for (int row = 0; row < names.size(); row++) {
      Path file = files.resolve(names.get(row));
      Files.write(file, TestFiles.pdf("material " + row, 1));
      WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("input[type=file][id='f:materials:" + row + ":upload_input']")));
      input.sendKeys(file.toString());
      String name = names.get(row);
      wait.until(d -> d.findElements(By.cssSelector(".file-name")).stream()
          .anyMatch(e -> e.getText().equals(name)));
    }
    assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sawProgress"),
        "the upload progress bar was shown");
    shot("2-uploaded");

    browser.findElement(By.id("f:submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("verdict"), "材料齐全"));
    assertTrue(browser.getPageSource().contains("预审完成"));
    shot("3-prereviewed");

    // The window clerk's step is on its own page; here through the API to keep the test short.
    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());

    logout();
    login("chief-b");
    open("/app/application.xhtml?id=" + id);
    browser.findElement(By.id("f:decisionText")).sendKeys("许可经营项目：预包装食品销售。");
    browser.findElement(By.id("f:pin")).sendKeys("000000");
    browser.findElement(By.id("f:sign")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:messages"), "签章密码"));
    browser.findElement(By.id("f:decisionText")).clear();
    browser.findElement(By.id("f:decisionText")).sendKeys("许可经营项目：预包装食品销售。");
    browser.findElement(By.id("f:pin")).sendKeys("123456");
    browser.findElement(By.id("f:sign")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f:documents"), "准予行政许可决定书"));
    assertEquals("已办结", browser.findElement(By.id("f:status")).getText());
    shot("4-sealed");

    // The applicant's copy, verified by upload on the public page.
    Api applicant = Api.login(portal, "applicant");
    var view = applicant.get("/api/v1/applications/" + id).json();
    int docId = view.getJsonArray("documents").stream().map(v -> v.asJsonObject())
        .filter(d -> d.getString("kind").equals("APPROVAL_DECISION")).findFirst().orElseThrow().getInt("id");
    Path pdf = files.resolve("decision-" + id + ".pdf");
    Files.write(pdf, applicant.get("/api/v1/documents/" + docId).body());
    logout();
    open("/verify.xhtml");
    browser.findElement(By.cssSelector("input[type=file][id='v:file_input']")).sendKeys(pdf.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("v:verdict"), "签章有效"));
    shot("5-verified");
  }

  static void login(String user) {
    open("/login.xhtml");
    browser.findElement(By.id("login:username")).sendKeys(user);
    browser.findElement(By.id("login:password")).sendKeys("Demo-2026!");
    browser.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.urlContains("/app/applications.xhtml"));
  }

  static void logout() {
    browser.findElement(By.id("nav:logout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav:login")));
  }

  static void open(String path) {
    browser.get(portal.url() + path);
  }

  /** Remembers whether a PrimeFaces upload progress bar ever appeared on the page. */
  static void watchForProgressBars() {
    ((JavascriptExecutor) browser).executeScript(
        "window.sawProgress = false;"
            + "new MutationObserver(function() {"
            + "  if (document.querySelector('.ui-fileupload .ui-progressbar')) { window.sawProgress = true; }"
            + "}).observe(document.body, {subtree: true, childList: true});");
  }

  static void shot(String name) throws Exception {
    Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
