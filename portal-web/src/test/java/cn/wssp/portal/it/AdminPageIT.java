package cn.wssp.portal.it;

import static cn.wssp.portal.it.BrowserJourneyIT.browser;
import static cn.wssp.portal.it.BrowserJourneyIT.click;
import static cn.wssp.portal.it.BrowserJourneyIT.files;
import static cn.wssp.portal.it.BrowserJourneyIT.js;
import static cn.wssp.portal.it.BrowserJourneyIT.login;
import static cn.wssp.portal.it.BrowserJourneyIT.logout;
import static cn.wssp.portal.it.BrowserJourneyIT.open;
import static cn.wssp.portal.it.BrowserJourneyIT.shot;
import static cn.wssp.portal.it.BrowserJourneyIT.stale;
import static cn.wssp.portal.it.BrowserJourneyIT.text;
import static cn.wssp.portal.it.BrowserJourneyIT.type;
import static cn.wssp.portal.it.BrowserJourneyIT.wait;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The center administrator's console in headless Chromium: a rule set tried on a good and on a
 * bad sample before it is published, the year's holidays read and saved, an enterprise put on
 * the 失信 list and taken off, the seals listed, the storage checked. Other roles see no link.
 */
class AdminPageIT {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  @RegisterExtension
  final TestWatcher screenshotOnFailure = BrowserJourneyIT.screenshotOnFailure();

  @BeforeAll
  static void start() throws Exception {
    BrowserJourneyIT.start();
  }

  @AfterAll
  static void stop() {
    BrowserJourneyIT.stop();
  }

  @Test
  void theAdministratorTriesAndPublishesRulesAndKeepsTheCalendarAndLists() throws Exception {
    browser.manage().deleteAllCookies();
    login("admin");
    click(By.id("nav:admin"));
    wait.until(ExpectedConditions.urlContains("/app/admin.xhtml"));

    // 预审规则: choose the 即办件, its rules in force appear in the editor.
    // PrimeFaces' own widget API: a click on the animated panel's item may land before it settles.
    wait.until(d -> stale(() -> Boolean.TRUE.equals(
        js("return typeof PF === 'function' && !!PF('rulesMatter')"))));
    js("PF('rulesMatter').selectValue('SCJG-0002')");
    click(By.id("tabs:rules:loadRules"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:rules:version"), "现行版本"));
    String document = browser.findElement(By.id("tabs:rules:document")).getAttribute("value");
    assertTrue(document.contains("loss-statement"), document);

    // A good sample passes, a statement that does not say what was lost does not.
    Path good = Files.write(files.resolve("遗失声明-样例.pdf"), Materials.valid("SCJG-0002", "loss-statement"));
    browser.findElement(By.id("tabs:rules:sample_input")).sendKeys(good.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:rules:trialResult"), "未发现问题"));
    Path bad = Files.write(files.resolve("平面图-样例.pdf"), Materials.pdf(List.of("一层平面布局图")));
    browser.findElement(By.id("tabs:rules:sample_input")).sendKeys(bad.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:rules:trialResult"), "发现以下问题"));
    assertTrue(text(By.id("tabs:rules:trialFindings")).contains("须补正"), text(By.id("tabs:rules:trialFindings")));
    shot("30-admin-rules-trial");

    // Publishing (the same rules) makes a new version, after a confirmation.
    String before = text(By.id("tabs:rules:version"));
    click(By.id("tabs:rules:publish"));
    click(By.id("confirm:yes"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已发布「SCJG-0002」预审规则第"));
    assertNotEquals(before, text(By.id("tabs:rules:version")));

    // 事项设置: 营业执照遗失补领 made to grant a licence for two years, then back to none (other
    // tests on this portal expect it to grant none).
    click(By.linkText("事项设置"));
    wait.until(d -> stale(() -> Boolean.TRUE.equals(js("return !!PF('optionsMatter')"))));
    // selectValue is silent (no change event): the ajax that loads the matter's options needs one.
    js("PF('optionsMatter').selectValue('SCJG-0002'); PF('optionsMatter').triggerChange()");
    wait.until(d -> stale(() -> browser.findElement(By.id("tabs:options:licenceName")).isEnabled()));
    type(By.id("tabs:options:licenceName"), "遗失补领证明");
    type(By.id("tabs:options:licenceYears_input"), "2");
    click(By.id("tabs:options:saveOptions"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存事项设置"));
    String granted = text(By.xpath("//tbody[@id='tabs:options:matterOptions_data']/tr[contains(., 'SCJG-0002')]"));
    assertTrue(granted.contains("遗失补领证明") && granted.contains("2 年"), granted);
    shot("31a-admin-options");
    browser.findElement(By.id("tabs:options:licenceName")).clear();
    click(By.id("tabs:options:saveOptions"));
    wait.until(d -> stale(() -> text(By.xpath(
        "//tbody[@id='tabs:options:matterOptions_data']/tr[contains(., 'SCJG-0002')]")).contains("不颁发证照")));

    // 新增事项: a matter registered on the page with the starting rule set offered; a joint
    // matter with one department is refused first, naming the field, and nothing typed is lost.
    String matterCode = "PG-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    type(By.id("tabs:newMatter:code"), matterCode);
    type(By.id("tabs:newMatter:name"), "管理页测试事项");
    type(By.id("tabs:newMatter:nameEn"), "Admin page test matter");
    js("PrimeFaces.getWidgetById('tabs:newMatter:kind').selectValue('JOINT')");
    click(By.cssSelector("#tabs\\:newMatter\\:departments .ui-chkbox-box")); // the first department listed
    type(By.id("tabs:newMatter:content"), "管理页测试：办理内容。");
    type(By.id("tabs:newMatter:legalBasis"), "管理页测试：设定依据。");
    type(By.id("tabs:newMatter:procedure"), "网上申请 → 预审 → 受理 → 决定");
    assertTrue(browser.findElement(By.id("tabs:newMatter:rules")).getAttribute("value")
        .contains("\"materials\""), "a rule set to start from is offered");
    click(By.id("tabs:newMatter:create"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "departments"));
    assertEquals(matterCode, browser.findElement(By.id("tabs:newMatter:code")).getAttribute("value"));
    js("PrimeFaces.getWidgetById('tabs:newMatter:kind').selectValue('PROMISED')");
    click(By.id("tabs:newMatter:create"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已新增事项： " + matterCode));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:options:matterOptions"), matterCode));
    shot("31d-admin-new-matter");
    // Its name in English is the one the English guides show.
    open("/index.xhtml");
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Service guides"));
    assertTrue(browser.findElements(By.cssSelector("a.matter-link")).stream()
        .anyMatch(a -> a.getText().equals("Admin page test matter")), "the English name on the guides");
    click(By.id("nav:lang"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "办事指南"));
    click(By.id("nav:admin"));
    wait.until(ExpectedConditions.urlContains("/app/admin.xhtml"));
    // Its guide rewritten: the 申请条件 added in 事项设置 is what the guide then says.
    click(By.linkText("事项设置"));
    wait.until(d -> stale(() -> Boolean.TRUE.equals(js("return !!PF('optionsMatter')"))));
    js("PF('optionsMatter').selectValue('" + matterCode + "'); PF('optionsMatter').triggerChange()");
    wait.until(d -> stale(() -> "管理页测试事项".equals(
        browser.findElement(By.id("tabs:options:guideName")).getAttribute("value"))));
    type(By.id("tabs:options:guideConditions"), "管理页测试：申请人为依法登记的企业。");
    click(By.id("tabs:options:saveGuide"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存办事指南"));
    open("/matter.xhtml?code=" + matterCode);
    assertTrue(text(By.tagName("main")).contains("管理页测试：申请人为依法登记的企业。"), text(By.tagName("main")));
    click(By.id("nav:admin"));
    wait.until(ExpectedConditions.urlContains("/app/admin.xhtml"));

    // 节假日安排: 2026 as seeded from the State Council's notice; a bad date is named.
    click(By.linkText("节假日安排"));
    type(By.id("tabs:calendar:year"), "2026");
    click(By.id("tabs:calendar:loadYear"));
    // The form is re-rendered by the Ajax answer: an element found just before counts as "not yet".
    wait.until(d -> stale(() -> d.findElement(By.id("tabs:calendar:holidays")).getAttribute("value")
        .contains("2026-10-01")));
    String holidays = browser.findElement(By.id("tabs:calendar:holidays")).getAttribute("value");
    browser.findElement(By.id("tabs:calendar:holidays")).sendKeys("\n2026-13-01");
    click(By.id("tabs:calendar:saveYear"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "「2026-13-01」不是日期"));
    browser.findElement(By.id("tabs:calendar:holidays")).clear();
    browser.findElement(By.id("tabs:calendar:holidays")).sendKeys(holidays);
    click(By.id("tabs:calendar:saveYear"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "2026 年节假日安排已保存"));
    shot("31-admin-calendar");

    // 首席代表缺席: the chiefs of the delegation letters are offered; an absence far ahead (the
    // other tests on this portal sign today) is recorded and listed.
    click(By.linkText("授权委托与缺席"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:absences:record")));
    js("PrimeFaces.getWidgetById('tabs:absences:chief').selectValue('chief-b')");
    // The days through the date pickers' widgets, as ApplicantPagesIT sets its filter's.
    js("PF('absenceFrom').setDate(new Date(2099, 2, 2)); PF('absenceTo').setDate(new Date(2099, 2, 6));");
    assertEquals("2099-03-02", browser.findElement(By.id("tabs:absences:from_input")).getAttribute("value"));
    assertEquals("2099-03-06", browser.findElement(By.id("tabs:absences:to_input")).getAttribute("value"));
    type(By.id("tabs:absences:reason"), "管理页测试：出差");
    click(By.id("tabs:absences:record"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已登记缺席：chief-b 2099-03-02 至 2099-03-06"));
    assertTrue(text(By.id("tabs:absences:list")).contains("管理页测试：出差"), text(By.id("tabs:absences:list")));
    shot("31b-admin-absences");

    // 失信名单: listed, then taken off again.
    String code = creditCode("91350105MA0000042");
    click(By.linkText("失信名单"));
    type(By.id("tabs:dishonest:creditCode"), code);
    type(By.id("tabs:dishonest:reason"), "管理页测试");
    click(By.id("tabs:dishonest:add"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:dishonest:list"), code));
    click(By.xpath("//tr[contains(., '" + code + "')]//button[contains(@id, ':remove')]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已将 " + code + " 移出失信名单"));
    assertFalse(text(By.id("tabs:dishonest:list")).contains(code));

    // 印章与存储: every holder has a seal in use; a storage check runs on request.
    // 用户与角色: a new window clerk created in the tab, then found by the search.
    click(By.linkText("用户与角色"));
    String clerk = "page.clerk." + Long.toString(System.nanoTime() % 1_000_000L, 36);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:newUser:create")));
    type(By.id("tabs:newUser:username"), clerk);
    type(By.id("tabs:newUser:displayName"), "管理页测试窗口");
    type(By.id("tabs:newUser:password"), "short1!");
    js("PrimeFaces.getWidgetById('tabs:newUser:role').selectValue('WINDOW_CLERK')");
    click(By.id("tabs:newUser:create"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "至少需要 10 个字符"));
    type(By.id("tabs:newUser:password"), "Counter-2026!");
    click(By.id("tabs:newUser:create"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已创建账户 " + clerk));
    type(By.id("tabs:users:q"), clerk);
    click(By.id("tabs:users:find"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:users:list"), clerk));
    // The list may be re-rendered once more (the create's update lands after the search's).
    wait.until(d -> stale(() -> text(By.id("tabs:users:list")).contains("窗口受理人员")));
    shot("31c-admin-users");
    // Then disabled in its editor: the list says 停用, and its right password is refused below.
    String userRow = "//tbody[@id='tabs:users:list_data']/tr[contains(., '" + clerk + "')]";
    click(By.xpath(userRow + "//button[contains(@id, ':edit')]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:users:save")));
    click(By.cssSelector("#tabs\\:users\\:editEnabled .ui-chkbox-box"));
    click(By.id("tabs:users:save"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存账户 " + clerk));
    wait.until(d -> stale(() -> text(By.xpath(userRow)).contains("停用")));

    click(By.linkText("印章与存储"));
    String seals = text(By.id("tabs:seals:list"));
    assertTrue(seals.contains("受理专用章") && seals.contains("在用"), seals);
    // A department's seal algorithm: SM2 chosen on the page re-keys it (the API shows it), then
    // RSA again, as the other tests on this shared portal expect.
    String departments = text(By.id("tabs:departments:list"));
    assertTrue(departments.contains("市场监督管理局") && departments.contains("RSA"), departments);
    Api adminApi = Api.login(BrowserJourneyIT.portal, "admin");
    try {
      chooseAlgorithm("市场监督管理局", "SM2");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "印章算法为 SM2"));
      assertTrue(adminApi.get("/api/v1/admin/departments").text()
          .matches("(?s).*\\{[^}]*\"code\":\"SCJG\"[^}]*\"sealAlgorithm\":\"SM2\".*"),
          adminApi.get("/api/v1/admin/departments").text());
    } finally {
      assertEquals(200, adminApi.put("/api/v1/admin/departments/SCJG/seal-algorithm",
          "{\"algorithm\":\"RSA\"}").status());
    }
    // 新增部门: added with its seal, which the certificate list then shows.
    String department = "PD" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
    type(By.id("tabs:newDepartment:code"), department);
    type(By.id("tabs:newDepartment:name"), "管理页测试局" + department);
    type(By.id("tabs:newDepartment:abbreviation"), "测试");
    type(By.id("tabs:newDepartment:nameEn"), "Page test bureau " + department);
    click(By.id("tabs:newDepartment:add"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已新增部门： " + department));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:departments:list"),
        "Page test bureau " + department));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:seals:list"), "管理页测试局" + department));
    click(By.id("tabs:storage:reconcile"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "存储核对完成"));
    shot("32-admin-seals-storage");
    logout();

    // The disabled clerk is told why, not "wrong password" (the demo accounts would be).
    open("/login.xhtml");
    type(By.id("login:username"), clerk);
    type(By.id("login:password"), "Counter-2026!");
    click(By.id("login:submit"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "该账户已被停用"));
    shot("33-login-disabled");

    // Nobody else gets the console.
    login("clerk");
    assertTrue(browser.findElements(By.id("nav:admin")).isEmpty());
    logout();
  }

  /** The 17 characters given, completed with the GB 32100-2015 check character. */
  static String creditCode(String first17) {
    for (char c : ALPHABET.toCharArray()) {
      if (CreditCodeCheck.valid(first17 + c)) {
        return first17 + c;
      }
    }
    throw new IllegalArgumentException(first17);
  }

  /** Picks {@code algorithm} in the department's select and saves that row. */
  private void chooseAlgorithm(String department, String algorithm) {
    String row = "//tbody[contains(@id, 'departments:list')]//tr[contains(., '" + department + "')]";
    String menuId = browser.findElement(
        By.xpath(row + "//div[contains(@class, 'ui-selectonemenu')]")).getAttribute("id");
    // PrimeFaces' own widget API, as for the rules' matter above: clicking the animated panel's
    // item can land before it settles.
    js("PrimeFaces.getWidgetById('" + menuId + "').selectValue('" + algorithm + "')");
    click(By.xpath(row + "//button[contains(@id, ':save')]"));
  }
}
