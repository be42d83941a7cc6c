package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing is slowed down on the real portal: wrong passwords lock an account (429 with
 * Retry-After, even for the right password, until the lock ends), wrong verification codes are
 * refused per address, and logout revokes a token. The clients here come through the trusted
 * proxy with addresses of their own, so the other tests' address (127.0.0.1) is never throttled;
 * applicant2's lock (20 s on the test portal) is waited out, and the right password resets it.
 */
class ThrottleIT {
  static final int LOCK_SECONDS = 20;
  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  static Api.Reply login(Api api, String user, String password) throws Exception {
    return api.post("/api/v1/auth/token",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  static void assertTooMany(Api.Reply r) {
    assertEquals(429, r.status(), r.toString());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonObject body = r.json();
    assertEquals("TOO_MANY_ATTEMPTS", body.getString("error"));
    assertTrue(body.getString("message").contains("后再试"), body.toString());
    assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, "Retry-After: " + r.header("Retry-After"));
  }

  @Test
  void wrongPasswordsLockTheAccountUntilTheLockEnds() throws Exception {
    Api attacker = Api.anonymous(portal).from("203.0.113.10");
    int wrong = 0;
    Api.Reply r = null;
    for (int tries = 0; tries < 30; tries++) {
      r = login(attacker, "applicant2", "wrong-" + tries);
      if (r.status() == 401) {
        wrong++;
        assertEquals("INVALID_CREDENTIALS", r.json().getString("error"));
        continue;
      }
      assertTooMany(r);
      if (r.json().getString("message").contains("锁定")) {
        wrong++; // the failure that locked
        break;
      }
      // A short delay before the lock: wait as told, then go on guessing.
      Thread.sleep(Long.parseLong(r.header("Retry-After")) * 1000 + 200);
    }
    assertEquals(10, wrong, "the tenth wrong password locks: " + r);
    assertTrue(Long.parseLong(r.header("Retry-After")) > 10, r.header("Retry-After"));

    Api.Reply right = login(attacker, "applicant2", "Demo-2026!");
    assertTooMany(right);
    assertTrue(right.json().getString("message").contains("锁定"), right.toString());
    Api.Reply elsewhere = login(Api.anonymous(portal).from("203.0.113.11"), "applicant2", "Demo-2026!");
    assertTooMany(elsewhere); // the account is locked, whatever the address

    Thread.sleep(Long.parseLong(right.header("Retry-After")) * 1000 + 500);
    Api.Reply after = login(attacker, "applicant2", "Demo-2026!");
    assertEquals(200, after.status(), "the lock has ended: " + after);
    assertEquals(401, login(attacker, "applicant2", "wrong").status(),
        "the success reset the account's counter");
    assertEquals(200, login(attacker, "applicant2", "Demo-2026!").status());
  }

  @Test
  void wrongVerificationCodesAreRefusedPerAddress() throws Exception {
    Api guesser = Api.anonymous(portal).from("203.0.113.20");
    int notFound = 0;
    Api.Reply r = null;
    for (int i = 0; i < 20; i++) {
      r = guesser.get("/api/v1/verify/ZY2026999999?code=ABCDEFGHJKM" + (i % 10 + 2));
      if (r.status() != 404) {
        break;
      }
      notFound++;
    }
    assertEquals(11, notFound, "ten free guesses, the eleventh makes the next one wait: " + r);
    assertTooMany(r);
    assertTrue(r.json().getString("message").startsWith("核验"), r.toString());
    assertEquals(404, Api.anonymous(portal).from("203.0.113.21")
        .get("/api/v1/verify/ZY2026999999?code=ABCDEFGHJKMN").status(), "another address is not affected");
  }

  @Test
  void logoutRevokesTheToken() throws Exception {
    Api reviewer = Api.login(portal, "reviewer");
    Api second = Api.login(portal, "reviewer");
    assertEquals(200, reviewer.get("/api/v1/me").status());
    Api.Reply out = reviewer.post("/api/v1/auth/logout", null);
    assertEquals(204, out.status(), out.toString());
    Api.Reply me = reviewer.get("/api/v1/me");
    assertEquals(401, me.status(), me.toString());
    assertEquals("UNAUTHORIZED", me.json().getString("error"));
    assertEquals(401, reviewer.post("/api/v1/auth/logout", null).status());
    assertEquals(200, second.get("/api/v1/me").status(), "only that token is revoked");
    assertEquals(401, Api.anonymous(portal).post("/api/v1/auth/logout", null).status());
  }
}
