package cn.wssp.portal.it;

import static cn.wssp.portal.it.BrowserJourneyIT.browser;
import static cn.wssp.portal.it.BrowserJourneyIT.login;
import static cn.wssp.portal.it.BrowserJourneyIT.logout;
import static cn.wssp.portal.it.BrowserJourneyIT.open;
import static cn.wssp.portal.it.BrowserJourneyIT.portal;
import static cn.wssp.portal.it.BrowserJourneyIT.shot;
import static cn.wssp.portal.it.BrowserJourneyIT.wait;
import static org.junit.jupiter.api.Assertions.*;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every role's pages in headless Chromium, at desktop width and at 390 px: axe-core (WCAG 2.1
 * A/AA rules) finds no violation of serious or critical impact, the console shows no error, no
 * page is a server error; a screenshot of each is kept in target/screenshots (a11y-*.png).
 */
class AccessibilityIT {
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  static final int[] WIDTHS = {1280, 390};

  @RegisterExtension
  final TestWatcher screenshotOnFailure = BrowserJourneyIT.screenshotOnFailure();

  static long accepted;
  static long draft;
  static long issued;

  @BeforeAll
  static void start() throws Exception {
    RunningPortal.onlyOnTheEmbeddedDatabase("accessibility");
    BrowserJourneyIT.start();
    Api applicant = Api.login(portal, "applicant");
    accepted = ApiJourneyIT.preReviewedLossStatement(applicant);
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + accepted
        + "/acceptance", "{\"action\":\"ACCEPT\"}").status());
    draft = ApiJourneyIT.create(applicant, "LB-0001");
    // An issued decision for 我的证照 (its preview frame) and the timeline of a closed case.
    issued = ApiJourneyIT.preReviewedLossStatement(applicant);
    assertEquals(200, Api.login(portal, "clerk").post("/api/v1/applications/" + issued
        + "/acceptance", "{\"action\":\"ACCEPT\"}").status());
    assertEquals(200, Api.login(portal, "chief-b").post("/api/v1/applications/" + issued
        + "/decision", "{\"outcome\":\"APPROVE\",\"text\":\"准予补领。\",\"pin\":\"123456\"}").status());
  }

  @AfterAll
  static void stop() throws Exception {
    if (draft > 0) {
      Api.login(portal, "applicant").post("/api/v1/applications/" + draft + "/withdraw", null);
    }
    BrowserJourneyIT.stop();
  }

  @Test
  void everyRolesPagesPassAxeAtDesktopAndPhoneWidth() throws Exception {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put("anonymous", List.of("/", "/matter.xhtml?code=SCJG-0001", "/verify.xhtml",
        "/login.xhtml", "/track.xhtml", "/results.xhtml", "/no-such-page.xhtml"));
    String application = "/app/application.xhtml?id=" + accepted;
    pages.put("applicant", List.of("/app/applications.xhtml", application,
        "/app/application.xhtml?id=" + draft, "/app/application.xhtml?id=" + issued,
        "/app/licences.xhtml", "/app/messages.xhtml"));
    pages.put("clerk", List.of("/app/applications.xhtml", application));
    pages.put("reviewer", List.of("/app/applications.xhtml", application));
    pages.put("chief-b", List.of("/app/applications.xhtml", application));
    pages.put("admin", List.of("/app/admin.xhtml"));
    pages.put("supervisor", List.of("/app/supervision.xhtml", application));

    List<String> problems = new ArrayList<>();
    ChromeDriver chrome = (ChromeDriver) browser;
    try {
      for (int width : WIDTHS) {
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
            "height", width < 600 ? 844 : 1000, "deviceScaleFactor", 1, "mobile", width < 600));
        for (var role : pages.entrySet()) {
          browser.manage().deleteAllCookies();
          if (!role.getKey().equals("anonymous")) {
            login(role.getKey());
          }
          for (String path : role.getValue()) {
            problems.addAll(check(role.getKey(), path, width));
          }
          if (!role.getKey().equals("anonymous")) {
            logout();
          }
        }
      }
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    assertEquals(List.of(), problems, problems.size() + " problems:\n" + String.join("\n", problems));
  }

  /** One page: loaded, no console error, no serious or critical axe violation, a screenshot. */
  static List<String> check(String role, String path, int width) throws Exception {
    browser.manage().logs().get(LogType.BROWSER); // forget what earlier pages logged
    open(path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    // Loaded, and the PrimeFaces widgets set up (they add roles and labels when they start).
    wait.until(d -> "complete".equals(BrowserJourneyIT.js("return document.readyState")));
    Thread.sleep(500);
    String where = role + " " + width + "px " + path;
    List<String> found = new ArrayList<>();
    String body = browser.findElement(By.tagName("body")).getText();
    if (body.contains("系统内部错误") || body.contains("Internal Server Error")) {
      found.add(where + ": a server error");
    }
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      // The deliberate 404 is the one page whose own address answers "not found".
      if (!(path.startsWith("/no-such-page") && e.getMessage().contains("404"))) {
        found.add(where + ": console: " + e.getMessage());
      }
    }
    found.addAll(axe(where));
    // The chief's signing dialog, open (modal: the page behind is hidden from assistive tech).
    if (!browser.findElements(By.id("f:sign")).isEmpty()) {
      browser.findElement(By.id("f:decisionText")).sendKeys("准予许可。");
      BrowserJourneyIT.click(By.id("f:sign"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f:signDialog")));
      Thread.sleep(500);
      found.addAll(axe(where + " sign dialog"));
      shot("a11y-" + role + "-sign-dialog-" + width);
      browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE); // nothing signed
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("f:signDialog")));
    }
    shot("a11y-" + role + "-" + path.replaceAll("[^A-Za-z0-9]+", "_") + "-" + width);
    return found;
  }

  /** The serious and critical axe violations of the page as it is now. */
  static List<String> axe(String where) {
    List<String> found = new ArrayList<>();
    Results axe = new AxeBuilder().withTags(WCAG).analyze(browser);
    for (Rule v : axe.getViolations()) {
      if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
        List<String> targets = new ArrayList<>();
        for (CheckedNode n : v.getNodes()) {
          String html = String.valueOf(n.getHtml());
          targets.add(n.getTarget() + " " + (html.length() > 160 ? html.substring(0, 160) + "…" : html));
        }
        found.add(where + ": axe " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
            + targets);
      }
    }
    return found;
  }
}
