package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys and crashes (issue 10): a repeated call with the same key is done once and
 * answered with the first response; and the portal killed with -9 while it signs a decision and
 * receives a 200 MB upload leaves both applications as they were, nothing missing in the store,
 * and the client's retry with its key completes the decision once.
 */
class IdempotencyIT {
  static final String DECISION = "{\"outcome\":\"APPROVE\",\"text\":\"准予补领。\",\"pin\":\"123456\"}";

  @Test
  void aRepeatedCallIsDoneOnceAndAnsweredTheSame() throws Exception {
    RunningPortal portal = RunningPortal.shared();
    Api applicant = Api.login(portal, "applicant");
    String key = UUID.randomUUID().toString();
    String body = "{\"matterCode\":\"SCJG-0002\"}";
    Api.Reply first = applicant.post("/api/v1/applications", body, key);
    assertTrue(first.status() == 200 || first.status() == 201, first.toString());
    Api.Reply again = applicant.post("/api/v1/applications", body, key);
    assertEquals(first.status(), again.status(), again.toString());
    assertEquals("true", again.header("Idempotent-Replayed"), again.toString());
    assertEquals(first.json().getJsonNumber("id"), again.json().getJsonNumber("id"),
        "the same application, not a second one");
    assertNull(first.header("Idempotent-Replayed"));

    Api.Reply otherCall = applicant.post("/api/v1/applications", "{\"matterCode\":\"SCJG-0001\"}", key);
    assertEquals(422, otherCall.status(), otherCall.toString());
    assertEquals("IDEMPOTENCY_KEY_REUSED", otherCall.json().getString("error"));

    // Another user's key space is their own.
    Api.Reply someoneElse = Api.login(portal, "applicant2").post("/api/v1/applications", body, key);
    assertTrue(someoneElse.status() == 200 || someoneElse.status() == 201, someoneElse.toString());
    assertNotEquals(first.json().getJsonNumber("id"), someoneElse.json().getJsonNumber("id"));

    // A refused call keeps nothing: mended, the same key goes through.
    String refusedKey = UUID.randomUUID().toString();
    Api.Reply unknown = applicant.post("/api/v1/applications", "{\"matterCode\":\"NO-SUCH\"}",
        refusedKey);
    assertTrue(unknown.status() >= 400 && unknown.status() < 500, unknown.toString());
    Api.Reply mended = applicant.post("/api/v1/applications", body, refusedKey);
    assertTrue(mended.status() == 200 || mended.status() == 201, mended.toString());
    assertNull(mended.header("Idempotent-Replayed"));

    Api.Reply badKey = applicant.post("/api/v1/applications", body, "x".repeat(101));
    assertEquals(400, badKey.status(), badKey.toString());
    assertEquals("INVALID_IDEMPOTENCY_KEY", badKey.json().getString("error"));
    for (Api.Reply draft : List.of(first, mended)) {
      applicant.post("/api/v1/applications/" + draft.json().getJsonNumber("id") + "/withdraw", null);
    }
    Api.login(portal, "applicant2").post("/api/v1/applications/"
        + someoneElse.json().getJsonNumber("id") + "/withdraw", null);
  }

  /**
   * Two clerks (or one double click) accept the same application at the same moment: one
   * acceptance, one notice; the other is told someone else acted and nothing of it is kept.
   */
  @Test
  void twoAcceptancesAtOnceIssueOneNotice() throws Exception {
    RunningPortal portal = RunningPortal.shared();
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.preReviewedLossStatement(applicant);
    List<Api> clerks = List.of(Api.login(portal, "clerk"), Api.login(portal, "clerk"));
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    List<CompletableFuture<Api.Reply>> accepts = clerks.stream()
        .map(clerk -> CompletableFuture.supplyAsync(() -> {
          try {
            together.await();
            return clerk.post("/api/v1/applications/" + id + "/acceptance", "{\"action\":\"ACCEPT\"}");
          } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        })).toList();
    List<Api.Reply> replies = accepts.stream().map(CompletableFuture::join).toList();
    assertEquals(List.of(200, 409), replies.stream().map(Api.Reply::status).sorted().toList(),
        replies.toString());
    Api.Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertEquals("INVALID_STATE", refused.json().getString("error"), refused.toString());
    if (portal.dbUrl != null) {
      // PostgreSQL waits for the application's lock as long as it takes: the second acceptance
      // reads the first's outcome before it signs anything. (Without the lock both signed and
      // the second lost at commit: "刚有他人同时处理", as H2 still says when its lock timeout
      // ends the wait.)
      assertTrue(refused.json().getString("message").contains("已受理"), refused.toString());
    }
    JsonObject app = applicant.get("/api/v1/applications/" + id).json();
    assertEquals("ACCEPTED", app.getString("status"), app.toString());
    assertEquals(1, app.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .filter(d -> d.getString("kind").equals("ACCEPTANCE_NOTICE")).count(), app.toString());
  }

  @Test
  void killedWhileSigningAndUploadingThenRetriedWithTheKeyDecidesOnce() throws Exception {
    RunningPortal portal = RunningPortal.dedicated("crash");
    // Every issuance (the acceptance notice too) waits between storing the PDF and committing.
    portal.environment.put("PORTAL_TEST_PAUSE_AFTER_STORE_MS", "12000");
    portal.environment.put("PORTAL_UPLOAD_MAX_BYTES", String.valueOf(300L << 20));
    portal.start();
    try {
      Api applicant = Api.login(portal, "applicant");
      long id = ApiJourneyIT.preReviewedLossStatement(applicant);
      Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id
          + "/acceptance", "{\"action\":\"ACCEPT\"}");
      assertEquals(200, accepted.status(), accepted.toString());

      // A draft with a first file, whose replacement (200 MB) will be in flight at the kill.
      long draft = ApiJourneyIT.create(applicant, "SCJG-0002");
      byte[] firstFile = Materials.valid("SCJG-0002", "loss-statement");
      ApiJourneyIT.upload(applicant, draft, "loss-statement", "遗失声明.pdf", firstFile);
      JsonObject before = applicant.get("/api/v1/applications/" + draft).json();
      java.util.concurrent.CountDownLatch halfSent = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
      CompletableFuture<Object> upload = CompletableFuture.supplyAsync(() -> {
        try {
          return applicant.putStream("/api/v1/applications/" + draft + "/materials/loss-statement",
              "大文件.pdf", 200L << 20, new HalfThenHold(100L << 20, halfSent, killed));
        } catch (Exception broken) {
          return broken; // the connection dies with the portal
        }
      });
      assertTrue(halfSent.await(120, java.util.concurrent.TimeUnit.SECONDS), "upload started");

      Api chief = Api.login(portal, "chief-b");
      String key = UUID.randomUUID().toString();
      // Refused (wrong PIN) with the key: nothing kept, so the same key serves the right call.
      Api.Reply wrongPin = chief.post("/api/v1/applications/" + id + "/decision",
          DECISION.replace("123456", "000000"), key);
      assertEquals(403, wrongPin.status(), wrongPin.toString());
      long pausesBefore = pauses(portal);
      CompletableFuture<Api.Reply> inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return chief.post("/api/v1/applications/" + id + "/decision", DECISION, key);
        } catch (Exception broken) {
          return null; // the connection dies with the portal
        }
      });
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (pauses(portal) == pausesBefore) {
        assertTrue(Instant.now().isBefore(deadline), "the decision never reached the pause");
        Thread.sleep(100);
      }
      portal.kill();
      killed.countDown();
      Api.Reply lost = inFlight.get();
      assertTrue(lost == null || lost.status() >= 500, "no answer from a killed portal: " + lost);
      try {
        Object answer = upload.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(answer instanceof Api.Reply, "no answer to the upload: " + answer);
      } catch (java.util.concurrent.TimeoutException stillHanging) {
        // the client has not noticed yet; the portal certainly never answered
      }

      portal.environment.remove("PORTAL_TEST_PAUSE_AFTER_STORE_MS");
      portal.start();
      JsonObject after = Api.login(portal, "applicant").get("/api/v1/applications/" + id).json();
      assertEquals("ACCEPTED", after.getString("status"), "the killed decision left nothing: " + after);
      assertEquals(List.of(), decisions(after), after.toString());
      // The upload cut off by the kill left the first file in place, and it is all there.
      Api applicantAgain = Api.login(portal, "applicant");
      JsonObject draftAfter = applicantAgain.get("/api/v1/applications/" + draft).json();
      assertEquals(before.getJsonArray("materials"), draftAfter.getJsonArray("materials"));
      Api.Reply file = applicantAgain.get("/api/v1/applications/" + draft + "/materials/loss-statement");
      assertArrayEquals(firstFile, file.body());
      // The acceptance notice issued before the kill is still there and downloadable.
      for (JsonValue d : after.getJsonArray("documents")) {
        assertEquals(200, applicantAgain.get("/api/v1/documents/" + d.asJsonObject().getInt("id"))
            .status(), d.toString());
      }
      JsonObject store = Api.login(portal, "admin").post("/api/v1/admin/storage/reconcile", null).json();
      assertEquals(0, store.getInt("missing"), "no record points at a missing object: " + store);

      Api chiefAgain = Api.login(portal, "chief-b");
      Api.Reply decided = chiefAgain.post("/api/v1/applications/" + id + "/decision", DECISION, key);
      assertEquals(200, decided.status(), decided.toString());
      assertNull(decided.header("Idempotent-Replayed"), "done now, not replayed: " + decided);
      Api.Reply repeated = chiefAgain.post("/api/v1/applications/" + id + "/decision", DECISION, key);
      assertEquals(200, repeated.status(), repeated.toString());
      assertEquals("true", repeated.header("Idempotent-Replayed"));
      assertEquals(decided.json().getJsonObject("document").getString("number"),
          repeated.json().getJsonObject("document").getString("number"));

      JsonObject issued = Api.login(portal, "applicant").get("/api/v1/applications/" + id).json();
      assertEquals("ISSUED", issued.getString("status"));
      assertEquals(1, decisions(issued).size(), "decided exactly once: " + issued);
      byte[] pdf = ApiJourneyIT.download(Api.login(portal, "applicant"),
          decided.json().getJsonObject("document").getInt("id"));
      Api.Reply verified = Api.anonymous(portal).postFile("/api/v1/verify", "decision.pdf", pdf);
      assertTrue(verified.json().getBoolean("valid"), verified.toString());
    } finally {
      portal.close();
    }
  }

  /**
   * Sends {@code half} bytes of a body, counts down, then holds until the portal is killed and
   * fails: the upload is surely in flight at the kill.
   */
  static final class HalfThenHold extends java.io.InputStream {
    private final long half;
    private final java.util.concurrent.CountDownLatch halfSent;
    private final java.util.concurrent.CountDownLatch killed;
    private long sent;

    HalfThenHold(long half, java.util.concurrent.CountDownLatch halfSent,
        java.util.concurrent.CountDownLatch killed) {
      this.half = half;
      this.halfSent = halfSent;
      this.killed = killed;
    }

    @Override
    public int read() throws java.io.IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      if (sent >= half) {
        halfSent.countDown();
        try {
          killed.await(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new java.io.IOException("the portal was killed; the sender gives up");
      }
      int n = (int) Math.min(len, half - sent);
      java.util.Arrays.fill(b, off, off + n, (byte) (sent == 0 ? '%' : 'x'));
      sent += n;
      return n;
    }
  }

  private static List<String> decisions(JsonObject application) {
    return application.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .map(d -> d.getString("kind")).filter(k -> k.endsWith("_DECISION")).toList();
  }

  /** How often the portal has logged the test pause so far. */
  private static long pauses(RunningPortal portal) throws Exception {
    return Files.readAllLines(portal.dataDir.resolve("portal.log")).stream()
        .filter(l -> l.contains("PORTAL_TEST_PAUSE_AFTER_STORE_MS")).count();
  }
}
