package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 用户与角色 over real HTTP (API.md's /admin/users): the center admin creates an account, finds it
 * by text, role and department, is refused a duplicate (409) and a weak password (400 naming the
 * field); disabling ends the account's token at once and its login answers 403
 * ACCOUNT_DISABLED; enabled again it logs in; a reset password is the one that works; nobody but
 * the admin may do any of it; each change is in the portal-wide audit with the admin's name.
 */
class AdminUsersIT {
  static final String PASSWORD = "Harbour-2026!";
  static RunningPortal portal;
  static Api admin;

  @BeforeAll
  static void start() throws Exception {
    portal = RunningPortal.shared();
    admin = Api.login(portal, "admin");
  }

  static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  static JsonObject create(String username, String extra) throws Exception {
    Api.Reply r = admin.post("/api/v1/admin/users", "{\"username\":\"" + username
        + "\",\"displayName\":\"测试 " + username + "\",\"password\":\"" + PASSWORD + "\"," + extra + "}");
    assertEquals(201, r.status(), r.toString());
    String location = r.header("Location");
    assertNotNull(location);
    JsonObject created = r.json();
    assertTrue(location.endsWith("/api/v1/admin/users/" + created.getJsonNumber("id").longValue()),
        location);
    return created;
  }

  static List<JsonObject> list(String query) throws Exception {
    Api.Reply r = admin.get("/api/v1/admin/users?" + query);
    assertEquals(200, r.status(), r.toString());
    assertNotNull(r.header("X-Total-Count"));
    return ((JsonArray) r.structure()).stream().map(JsonValue::asJsonObject).toList();
  }

  @Test
  void theAdminManagesAnAccountFromCreationToPasswordReset() throws Exception {
    String name = unique("it.rev.");
    JsonObject created = create(name, "\"roles\":[\"REVIEWER\"],\"department\":\"SCJG\"");
    long id = created.getJsonNumber("id").longValue();
    assertEquals("SCJG", created.getString("departmentCode"));
    assertTrue(created.getBoolean("enabled"));
    assertFalse(created.toString().contains("passwordHash") || created.toString().contains("PBKDF2"),
        "never a hash: " + created);

    // Found by text, role and department; not by another role.
    List<JsonObject> found = list("q=" + name.toUpperCase() + "&role=REVIEWER&department=SCJG&enabled=true&size=5");
    assertEquals(List.of(name), found.stream().map(o -> o.getString("username")).toList());
    assertTrue(list("q=" + name + "&role=CHIEF_REP").isEmpty());
    assertFalse(list("role=CHIEF_REP&department=SCJG&page=0&size=50").isEmpty());
    assertFalse(list("size=100").toString().contains("PBKDF2"));

    // Duplicate and weak password.
    Api.Reply duplicate = admin.post("/api/v1/admin/users", "{\"username\":\"" + name
        + "\",\"displayName\":\"重名\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"WINDOW_CLERK\"]}");
    assertEquals(409, duplicate.status(), duplicate.toString());
    Api.Reply weak = admin.post("/api/v1/admin/users", "{\"username\":\"" + unique("it.weak.")
        + "\",\"displayName\":\"弱密码\",\"password\":\"short1!\",\"roles\":[\"WINDOW_CLERK\"]}");
    assertEquals(400, weak.status(), weak.toString());
    assertEquals("INVALID_INPUT", weak.json().getString("error"));
    assertTrue(weak.json().getString("message").contains("password"), weak.toString());
    Api.Reply noRole = admin.post("/api/v1/admin/users", "{\"username\":\"" + unique("it.norole.")
        + "\",\"displayName\":\"无角色\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"KING\"]}");
    assertEquals(400, noRole.status(), noRole.toString());
    assertTrue(noRole.json().getString("message").contains("roles"), noRole.toString());

    // Its token works, then disabling ends it at once and the login says why.
    Api user = Api.login(portal, name, PASSWORD);
    assertEquals(200, user.get("/api/v1/me").status());
    Api.Reply disabled = admin.put("/api/v1/admin/users/" + id, "{\"enabled\":false}");
    assertEquals(200, disabled.status(), disabled.toString());
    assertFalse(disabled.json().getBoolean("enabled"));
    assertEquals(401, user.get("/api/v1/me").status(), "the token stopped working");
    Api.Reply refused = Api.anonymous(portal).post("/api/v1/auth/token",
        "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("ACCOUNT_DISABLED", refused.json().getString("error"));
    assertTrue(refused.json().getString("message").contains("停用"), refused.toString());
    Api.Reply wrong = Api.anonymous(portal).post("/api/v1/auth/token",
        "{\"username\":\"" + name + "\",\"password\":\"Wrong-2026!\"}");
    assertEquals(401, wrong.status(), "a wrong password reveals nothing: " + wrong);
    assertEquals(1, list("q=" + name + "&enabled=false").size());

    // Enabled again, with a change of name; then a reset password is the one that logs in.
    Api.Reply enabled = admin.put("/api/v1/admin/users/" + id,
        "{\"enabled\":true,\"displayName\":\"测试（改名）\"}");
    assertEquals(200, enabled.status(), enabled.toString());
    assertEquals("测试（改名）", enabled.json().getString("displayName"));
    Api.login(portal, name, PASSWORD);
    Api.Reply weakReset = admin.post("/api/v1/admin/users/" + id + "/password",
        "{\"password\":\"" + name + "-X1\"}");
    assertEquals(400, weakReset.status(), weakReset.toString());
    assertTrue(weakReset.json().getString("message").contains("password"), weakReset.toString());
    Api.Reply reset = admin.post("/api/v1/admin/users/" + id + "/password",
        "{\"password\":\"Lantern-2027#\"}");
    assertEquals(200, reset.status(), reset.toString());
    assertEquals(200, Api.login(portal, name, "Lantern-2027#").get("/api/v1/me").status());
    assertEquals(401, Api.anonymous(portal).post("/api/v1/auth/token",
        "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").status());

    // The audit says who did what, and never a password.
    for (String action : List.of("ACCOUNT_CREATED", "ACCOUNT_CHANGED", "ACCOUNT_PASSWORD_RESET")) {
      Api.Reply audit = admin.get("/api/v1/admin/audit?action=" + action + "&actor=admin&size=200");
      assertEquals(200, audit.status(), audit.toString());
      List<JsonObject> lines = ((JsonArray) audit.structure()).stream().map(JsonValue::asJsonObject)
          .filter(l -> l.getString("detail", "").contains(name)).toList();
      assertFalse(lines.isEmpty(), action + " of " + name + " in " + audit);
      assertEquals("admin", lines.get(0).getString("actor"));
      assertFalse(audit.text().contains(PASSWORD) || audit.text().contains("Lantern-2027#"));
    }
  }

  @Test
  void aChiefRepresentativeAndAnApplicantFollowTheAccountModel() throws Exception {
    String chief = unique("it.chief.");
    Api.Reply noPin = admin.post("/api/v1/admin/users", "{\"username\":\"" + chief
        + "\",\"displayName\":\"首席\",\"password\":\"" + PASSWORD
        + "\",\"roles\":[\"CHIEF_REP\"],\"department\":\"WSJK\",\"chiefRole\":\"A\"}");
    assertEquals(400, noPin.status(), noPin.toString());
    assertTrue(noPin.json().getString("message").contains("pin"), noPin.toString());
    JsonObject c = create(chief, "\"roles\":[\"CHIEF_REP\"],\"department\":\"卫生健康委员会\","
        + "\"chiefRole\":\"A\",\"pin\":\"246810\"");
    assertEquals("A", c.getString("chiefRole"));
    assertEquals("WSJK", c.getString("departmentCode"));
    JsonObject me = Api.login(portal, chief, PASSWORD).get("/api/v1/me").json();
    assertEquals("A", me.getString("chiefRole"));

    String applicant = unique("it.app.");
    JsonObject a = create(applicant, "\"role\":\"APPLICANT\",\"enterpriseCreditCode\":\""
        + cn.wssp.portal.domain.model.CreditCode.complete("91350100MA"
            + String.format("%07d", System.nanoTime() % 10_000_000L)) + "\",\"enterpriseName\":\"集成测试有限公司\"");
    assertEquals("集成测试有限公司", a.getString("enterpriseName"));
    JsonObject applicantMe = Api.login(portal, applicant, PASSWORD).get("/api/v1/me").json();
    assertEquals("集成测试有限公司", applicantMe.getJsonObject("enterprise").getString("name"));
  }

  @Test
  void theAdminCannotLockThemselfOutAndOnlyTheAdminMayManageAccounts() throws Exception {
    JsonObject self = list("q=admin&role=CENTER_ADMIN").stream()
        .filter(o -> o.getString("username").equals("admin")).findFirst().orElseThrow();
    long id = self.getJsonNumber("id").longValue();
    Api.Reply disable = admin.put("/api/v1/admin/users/" + id, "{\"enabled\":false}");
    assertEquals(409, disable.status(), disable.toString());
    Api.Reply demote = admin.put("/api/v1/admin/users/" + id, "{\"roles\":[\"SUPERVISOR\"]}");
    assertEquals(409, demote.status(), demote.toString());
    assertTrue(demote.json().getString("message").contains("中心管理员"), demote.toString());
    assertEquals(200, admin.get("/api/v1/me").status(), "still the admin");

    for (String who : List.of("supervisor", "clerk", "applicant")) {
      Api other = Api.login(portal, who);
      assertEquals(403, other.get("/api/v1/admin/users").status(), who);
      assertEquals(403, other.post("/api/v1/admin/users", "{\"username\":\"" + unique("it.x.")
          + "\",\"displayName\":\"x\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"CENTER_ADMIN\"]}")
          .status(), who);
      assertEquals(403, other.post("/api/v1/admin/users/" + id + "/password",
          "{\"password\":\"Takeover-2026!\"}").status(), who);
    }
    assertEquals(401, Api.anonymous(portal).get("/api/v1/admin/users").status());
  }
}
