package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./portal cluster --instances 2} on PostgreSQL. First both instances sweep the same
 * deadlines every second (the test clock, shared through the database, moved past them): each
 * application is deemed accepted once, with one notice and one message. Then concurrent
 * journeys through HAProxy while one instance is killed with SIGKILL halfway. Every journey completes (a client retries a request
 * the dead instance dropped, as a browser's user would), and every application ends with exactly
 * one pre-review, one acceptance notice and one decision: no work lost, none done twice.
 * Runs with the postgres profile only (a cluster shares one PostgreSQL database).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final int SWEPT = 4;
  private static final int JOURNEYS = 8;
  private static RunningPortal cluster;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(!System.getProperty("portal.test.db.url", "").isBlank(),
        "the cluster runs on PostgreSQL: mvn verify -Ppostgres");
    // As the other tools the suite needs: skipped locally without it, a failure under CI.
    boolean haproxy = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin/haproxy"));
    if (!haproxy && System.getenv("CI") != null) {
      org.junit.jupiter.api.Assertions.fail("haproxy is needed: apt-get install haproxy");
    }
    Assumptions.assumeTrue(haproxy, "haproxy not installed (apt-get install haproxy)");
    cluster = RunningPortal.cluster("cluster", 2);
    // A dead instance's jobs are taken over after their lease: short here, so the test is short.
    cluster.environment.put("PORTAL_JOB_LEASE_SECONDS", "15");
    // Both instances sweep every second, so they meet on the same deadlines.
    cluster.environment.put("PORTAL_SWEEP_SECONDS", "1");
    cluster.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void twoInstancesSweepingTheSameDeadlinesDeemEachApplicationAcceptedOnce() throws Exception {
    Retrying applicant = Retrying.login("applicant");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < SWEPT; i++) {
      Api.Reply created = applicant.post("/api/v1/applications", "{\"matterCode\":\"SCJG-0002\"}");
      long id = created.json().getJsonNumber("id").longValue();
      assertEquals(200, applicant.putFile("/api/v1/applications/" + id + "/materials/loss-statement",
          "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement")).status());
      applicant.post("/api/v1/applications/" + id + "/submit", null);
      ids.add(id);
    }
    for (long id : ids) {
      applicant.awaitStatus(id, "PRE_REVIEWED");
    }
    long messagesBefore = applicant.get("/api/v1/messages?size=1").json().getJsonNumber("total").longValue();
    Api.Reply moved = Retrying.login("admin").post("/api/v1/admin/clock", "{\"advanceDays\":14}");
    assertEquals(200, moved.status(), moved.toString());
    try {
      Retrying after = Retrying.login("applicant");
      for (long id : ids) {
        after.awaitStatus(id, "DEEMED_ACCEPTED");
      }
      Thread.sleep(5_000); // five more sweeps of each instance over the same applications
      Retrying staff = Retrying.login("clerk");
      for (long id : ids) {
        JsonObject app = staff.get("/api/v1/applications/" + id).json();
        long notices = app.getJsonArray("documents").stream()
            .filter(d -> d.asJsonObject().getString("kind").equals("ACCEPTANCE_NOTICE")).count();
        assertEquals(1, notices, "one 视为受理 notice: " + app);
        long deemed = staff.get("/api/v1/applications/" + id + "/audit").structure().asJsonArray()
            .stream().filter(e -> e.asJsonObject().getString("action").equals("DEEMED_ACCEPTED")).count();
        assertEquals(1, deemed, "deemed accepted once: #" + id);
      }
      long messagesAfter = after.get("/api/v1/messages?size=1").json().getJsonNumber("total").longValue();
      assertEquals(messagesBefore + SWEPT, messagesAfter, "one message per application");
    } finally {
      assertEquals(200, Retrying.login("admin").post("/api/v1/admin/clock",
          "{\"advanceDays\":-14}").status());
    }
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void journeysCompleteWhenAnInstanceIsKilledHalfway() throws Exception {
    CountDownLatch halfSubmitted = new CountDownLatch(JOURNEYS / 2);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> journeys = new ArrayList<>();
    for (int i = 0; i < JOURNEYS; i++) {
      journeys.add(pool.submit(() -> journey(halfSubmitted)));
    }
    assertTrue(halfSubmitted.await(5, TimeUnit.MINUTES), "half the journeys submitted");
    long victim = cluster.instancePid(1);
    new ProcessBuilder("kill", "-9", String.valueOf(victim)).start().waitFor();

    List<Long> ids = new ArrayList<>();
    for (Future<Long> j : journeys) {
      ids.add(j.get(10, TimeUnit.MINUTES));
    }
    pool.shutdown();

    Retrying staff = Retrying.login("clerk");
    for (long id : ids) {
      JsonObject app = staff.get("/api/v1/applications/" + id).json();
      assertEquals("ISSUED", app.getString("status"), app.toString());
      Map<String, Integer> kinds = new ConcurrentHashMap<>();
      for (JsonValue d : app.getJsonArray("documents")) {
        kinds.merge(d.asJsonObject().getString("kind"), 1, Integer::sum);
      }
      assertEquals(1, kinds.getOrDefault("ACCEPTANCE_NOTICE", 0), "one acceptance notice: " + app);
      assertEquals(1, kinds.getOrDefault("APPROVAL_DECISION", 0), "one decision: " + app);
      Map<String, Integer> actions = new ConcurrentHashMap<>();
      for (JsonValue e : staff.get("/api/v1/applications/" + id + "/audit").structure().asJsonArray()) {
        actions.merge(e.asJsonObject().getString("action"), 1, Integer::sum);
      }
      assertEquals(1, actions.getOrDefault("PRE_REVIEW", 0), "one pre-review of #" + id + ": " + actions);
    }
  }

  /** One enterprise's application from draft to decision, through the balancer. */
  private static long journey(CountDownLatch submitted) throws Exception {
    Retrying applicant = Retrying.login("applicant");
    Api.Reply created = applicant.post("/api/v1/applications", "{\"matterCode\":\"SCJG-0002\"}");
    assertTrue(created.status() == 200 || created.status() == 201, created.toString());
    long id = created.json().getJsonNumber("id").longValue();
    Api.Reply up = applicant.putFile("/api/v1/applications/" + id + "/materials/loss-statement",
        "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    assertEquals(200, up.status(), up.toString());
    Api.Reply submit = applicant.post("/api/v1/applications/" + id + "/submit", null);
    assertTrue(submit.status() == 200 || submit.status() == 409, submit.toString());
    submitted.countDown();
    applicant.awaitStatus(id, "PRE_REVIEWED");

    Api.Reply accepted = Retrying.login("clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    // 409: a retried request whose first attempt had already been accepted.
    assertTrue(accepted.status() == 200 || accepted.status() == 409, accepted.toString());
    Api.Reply decided = Retrying.login("chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予补领。\",\"pin\":\"123456\"}");
    assertTrue(decided.status() == 200 || decided.status() == 409, decided.toString());
    applicant.awaitStatus(id, "ISSUED");
    return id;
  }

  /**
   * The REST client of {@link Api} with the retry a person or an integration does when the
   * connection drops or the balancer has no instance for a moment (502/503).
   */
  private static final class Retrying {
    private static final AtomicInteger RETRIES = new AtomicInteger();
    private final Api api;

    private Retrying(Api api) {
      this.api = api;
    }

    static Retrying login(String user) throws Exception {
      return new Retrying(retry(() -> Api.login(cluster, user)));
    }

    Api.Reply get(String path) throws Exception {
      return retryReply(() -> api.get(path));
    }

    Api.Reply post(String path, String json) throws Exception {
      return retryReply(() -> api.post(path, json));
    }

    Api.Reply putFile(String path, String name, byte[] content) throws Exception {
      return retryReply(() -> api.putFile(path, name, content));
    }

    void awaitStatus(long id, String status) throws Exception {
      long deadline = System.currentTimeMillis() + 180_000;
      String last = "";
      while (System.currentTimeMillis() < deadline) {
        Api.Reply r = get("/api/v1/applications/" + id);
        last = r.toString();
        if (r.status() == 200 && status.equals(r.json().getString("status"))) {
          return;
        }
        Thread.sleep(500);
      }
      throw new AssertionError("#" + id + " not " + status + " within 180 s: " + last);
    }

    private static Api.Reply retryReply(Call<Api.Reply> call) throws Exception {
      return retry(() -> {
        Api.Reply r = call.run();
        if (r.status() == 502 || r.status() == 503) {
          throw new IOException("balancer answered " + r.status());
        }
        return r;
      });
    }

    private static <T> T retry(Call<T> call) throws Exception {
      IOException last = null;
      for (int attempt = 0; attempt < 20; attempt++) {
        try {
          return call.run();
        } catch (IOException e) {
          last = e;
          RETRIES.incrementAndGet();
          Thread.sleep(1000);
        }
      }
      throw last;
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws Exception;
  }
}
