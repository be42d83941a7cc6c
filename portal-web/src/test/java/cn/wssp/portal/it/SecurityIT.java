package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controls of docs/SECURITY.md seen from outside, on the real portal: how files are served,
 * the headers, stateless tokens and same-origin session writes, bounded JSON, the audit of
 * refusals and downloads, and what listens on the network.
 */
class SecurityIT {
  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  @Test
  void anUploadedHtmlPageIsOnlyEverADownload() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    byte[] html = "<html><body><script>document.title='pwned'</script>布局图</body></html>"
        .getBytes(StandardCharsets.UTF_8);
    ApiJourneyIT.upload(applicant, id, "premises-layout", "layout.pdf", html);
    Api.Reply file = applicant.get("/api/v1/applications/" + id + "/materials/premises-layout");
    assertEquals(200, file.status());
    assertEquals("application/octet-stream", file.contentType(), "not text/html: not a page");
    assertTrue(file.header("Content-Disposition").startsWith("attachment"), file.header("Content-Disposition"));
    assertTrue(file.header("Content-Security-Policy").contains("sandbox"));
    assertEquals("nosniff", file.header("X-Content-Type-Options"));
    assertArrayEquals(html, file.body(), "the bytes themselves are kept as sent");
  }

  @Test
  void pagesAndAnswersCarryTheBrowserDefences() throws Exception {
    HttpResponse<String> page = plain().send(HttpRequest.newBuilder(URI.create(portal.url() + "/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), policies.toString());
    assertTrue(policies.stream().anyMatch(p -> p.contains("script-src 'self' 'nonce-")), policies.toString());
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(page.headers().firstValue("Server").isEmpty(), "no server banner");
    assertTrue(page.headers().firstValue("X-Powered-By").isEmpty());
    String cookie = page.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"), cookie);

    Api.Reply me = Api.login(portal, "applicant").get("/api/v1/me");
    assertEquals("no-store", me.header("Cache-Control"), "personal answers are not cached");
    assertNotEquals(200, Api.anonymous(portal).get("/metrics").status(), "/metrics is not public");
    assertEquals(404, Api.anonymous(portal).get("/api/v1/application.wadl").status());
  }

  @Test
  void unknownAddressesGetThePortalsOwnPageNotTheServers() throws Exception {
    for (String path : List.of("/no-such-page.xhtml", "/no/such/folder")) {
      Api.Reply r = Api.anonymous(portal).get(path);
      assertEquals(404, r.status(), path);
      assertTrue(r.text().contains("页面不存在") && r.text().contains("办事指南"), path + ": " + r);
      assertFalse(r.text().contains("Not Found") || r.text().contains("Payara"), path + ": " + r);
    }
  }

  @Test
  void bearerRequestsAreStateless() throws Exception {
    Api.Reply me = Api.login(portal, "clerk").get("/api/v1/me");
    assertEquals(200, me.status());
    assertNull(me.header("Set-Cookie"), "a token request creates no session");
  }

  @Test
  void aLoggedInBrowserWritesThroughTheApiOnlyFromThePortalsOwnPages() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    formLogin(browser, "applicant");
    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(portal.url() + "/api/v1/me"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, me.statusCode(), "reading with the session works");
    String body = "{\"matterCode\":\"SCJG-0002\"}";
    assertEquals(401, create(browser, body, null).statusCode(), "no Origin: refused");
    assertEquals(401, create(browser, body, "http://evil.example").statusCode(), "another site: refused");
    assertEquals(201, create(browser, body, portal.url()).statusCode(), "the portal's own page");
  }

  @Test
  void jsonIsBoundedAndItsErrorsNameNoInternals() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    Api.Reply malformed = applicant.post("/api/v1/applications", "{\"matterCode\": [1, ");
    assertEquals(400, malformed.status());
    assertEquals("INVALID_JSON", malformed.json().getString("error"));
    assertFalse(malformed.text().matches("(?s).*\\b(org|java|jakarta)\\.[a-z]+\\..*"), malformed.text());
    // A 2 MB JSON body is refused from its head alone, before any of it is sent.
    String head = headOnly("POST", "/api/v1/applications", "application/json", 2L << 20, applicant.token);
    assertTrue(head.startsWith("HTTP/1.1 413"), head);
    assertTrue(head.contains("TOO_LARGE"), head);
    Api.Reply longCode = applicant.post("/api/v1/applications", "{\"matterCode\":\"" + "B".repeat(5000) + "\"}");
    assertEquals(400, longCode.status());
    assertTrue(longCode.text().length() < 500, "the input is not echoed back");
  }

  @Test
  void refusalsAndDownloadsAreAuditedAndTheChainHolds() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0002");
    ApiJourneyIT.upload(applicant, id, "loss-statement", "声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, id);
    assertEquals(404, Api.login(portal, "applicant2").get("/api/v1/applications/" + id).status());
    assertEquals(200, Api.login(portal, "clerk")
        .get("/api/v1/applications/" + id + "/materials/loss-statement").status());

    Api supervisor = Api.login(portal, "supervisor");
    Api.Reply denied = supervisor.get("/api/v1/admin/audit?action=ACCESS_DENIED&actor=applicant2");
    assertEquals(200, denied.status(), denied.toString());
    assertTrue(denied.structure().asJsonArray().stream().map(JsonValue::asJsonObject)
        .anyMatch(e -> e.getJsonNumber("applicationId").longValue() == id), denied.toString());
    assertNotNull(denied.header("X-Total-Count"));

    List<JsonObject> trail = applicant.get("/api/v1/applications/" + id + "/audit").structure()
        .asJsonArray().stream().map(JsonValue::asJsonObject).toList();
    assertEquals("CREATE", trail.get(0).getString("action"), "oldest first");
    assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("MATERIAL_DOWNLOADED")
        && e.getString("actor").equals("clerk")), trail.toString());
    assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("ACCESS_DENIED")));

    Api.Reply chain = supervisor.get("/api/v1/admin/audit/verify");
    assertEquals(200, chain.status());
    assertTrue(chain.json().getBoolean("intact"), chain.toString());
    assertTrue(chain.json().getJsonNumber("entries").longValue() > trail.size());
    assertEquals(403, Api.login(portal, "clerk").get("/api/v1/admin/audit/verify").status());
  }

  @Test
  void nothingButTheHttpPortListensBeyondLoopback() throws Exception {
    Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, ss.waitFor(), out);
    String pid = "pid=" + portal.pid() + ",";
    List<String> exposed = out.lines().filter(l -> l.contains(pid))
        .map(l -> l.trim().split("\\s+")[3])
        .filter(address -> !address.startsWith("127.") && !address.startsWith("[::ffff:127.")
            && !address.startsWith("[::1]"))
        .toList();
    assertEquals(List.of("*:" + portal.port), exposed, out);
  }

  // --- helpers ------------------------------------------------------------------------------

  /** Sends only a request's head (declaring a body) and returns what the server answers. */
  static String headOnly(String method, String path, String type, long length, String token)
      throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", portal.port)) {
      socket.setSoTimeout(30_000);
      String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + portal.port
          + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length
          + (token == null ? "" : "\r\nAuthorization: Bearer " + token) + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static HttpClient plain() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Logs in through the login page's form, as a browser without script would. */
  static void formLogin(HttpClient browser, String username) throws Exception {
    formLogin(portal, browser, username);
  }

  /** Logs {@code browser} (a client keeping cookies) in through the login page, as a person does. */
  static void formLogin(RunningPortal portal, HttpClient browser, String username)
      throws Exception {
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(
        URI.create(portal.url() + "/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
    Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
        .matcher(form.body());
    assertTrue(state.find(), "the login form has a view state");
    // PrimeFaces checks on a postback that the page's script nonce comes back (its CSP mode).
    Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(
        String.join(";", form.headers().allValues("Content-Security-Policy")));
    assertTrue(nonce.find(), "the page has a script nonce");
    String fields = "login=login&login%3Ausername=" + username + "&login%3Apassword="
        + URLEncoder.encode("Demo-2026!", StandardCharsets.UTF_8) + "&login%3Anext=&login%3Asubmit="
        + "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
        + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> done = browser.send(HttpRequest.newBuilder(
            URI.create(portal.url() + "/login.xhtml"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", portal.url())
        .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, done.statusCode(), "login redirects: " + done.body().length());
  }

  static HttpResponse<String> create(HttpClient browser, String json, String origin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.url() + "/api/v1/applications"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
