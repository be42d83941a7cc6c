package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The object store's consistency and faults on the real portal: replaced uploads leave one
 * object, an orphan and a missing object are found and the orphan quarantined, and the embedded
 * S3 server killed with -9 answers 503 until the portal has started it again by itself.
 */
class StorageIT {
  static final String UNAVAILABLE = "文件存储暂时不可用，请稍后重试；已保存的内容不受影响。";

  @Test
  void consistencyAndRecoveryOfTheEmbeddedStore() throws Exception {
    try (RunningPortal portal = RunningPortal.dedicated("storage")) {
      portal.environment.put("PORTAL_S3_SUPERVISE_SECONDS", "10"); // a window to see it down
      portal.start();
      Path bucket = portal.dataDir.resolve("objects").resolve("wssp");
      Api applicant = Api.login(portal, "applicant");
      Api admin = Api.login(portal, "admin");

      // 1. Ten uploads of the same material: one object.
      long kept = ApiJourneyIT.create(applicant, "SCJG-0002");
      byte[] last = null;
      for (int i = 1; i <= 10; i++) {
        last = Materials.pdf(List.of("遗失声明 第" + i + "版"));
        ApiJourneyIT.upload(applicant, kept, "loss-statement", "遗失声明.pdf", last);
      }
      // The replaced objects are deleted after each answer, not before it: give them a moment.
      Path keptFolder = bucket.resolve("applications/" + kept + "/materials/loss-statement");
      for (int i = 0; i < 50 && filesUnder(keptFolder).size() != 1; i++) {
        Thread.sleep(100);
      }
      assertEquals(1, filesUnder(keptFolder).size(), "ten replacements leave exactly one object");
      ApiJourneyIT.submit(applicant, kept);

      // 2. A missing object (a submitted application's material deleted from the store's
      // folder) and an orphan (a file no record points at).
      long damaged = ApiJourneyIT.create(applicant, "SCJG-0002");
      ApiJourneyIT.upload(applicant, damaged, "loss-statement", "声明.pdf", Materials.pdf(List.of("将丢失")));
      ApiJourneyIT.submit(applicant, damaged);
      List<Path> lost = filesUnder(bucket.resolve("applications/" + damaged + "/materials/loss-statement"));
      assertEquals(1, lost.size());
      String missingKey = bucket.relativize(lost.get(0)).toString();
      Files.delete(lost.get(0));
      Path orphan = bucket.resolve("applications/" + kept + "/materials/loss-statement/stray-orphan");
      Files.write(orphan, "无人引用".getBytes("UTF-8"));

      Api.Reply run = admin.post("/api/v1/admin/storage/reconcile", null);
      assertEquals(200, run.status(), run.toString());
      JsonObject c = run.json();
      for (String field : List.of("objects", "referenced", "orphans", "missing", "lastRun")) {
        assertTrue(c.containsKey(field), field + " in " + c);
      }
      assertTrue(c.getInt("orphans") >= 1, c.toString());
      assertEquals(1, c.getInt("missing"), c.toString());
      assertEquals(List.of(missingKey), c.getJsonArray("missingKeys").getValuesAs(jakarta.json.JsonString.class)
          .stream().map(jakarta.json.JsonString::getString).toList());
      assertTrue(c.getJsonArray("orphanKeys").toString().contains("stray-orphan"), c.toString());
      assertEquals(0, c.getInt("quarantined"), "the orphan is younger than the in-flight age");
      assertTrue(Files.exists(orphan));
      JsonObject again = admin.get("/api/v1/admin/storage/consistency").json();
      assertEquals(c.getString("lastRun"), again.getString("lastRun"));
      assertEquals(1, again.getInt("missing"));
      assertEquals(403, applicant.get("/api/v1/admin/storage/consistency").status());
      String health = health(portal).body();
      assertTrue(health.contains("\"storage-consistency\"") && health.replace("\"false\"", "false").contains("\"consistent\":false")
          && health.contains(missingKey), health);

      // A day later the orphan is old enough: quarantined.
      assertEquals(200, admin.post("/api/v1/admin/clock", "{\"advanceDays\":1}").status());
      admin = Api.login(portal, "admin"); // the tokens of yesterday have expired
      applicant = Api.login(portal, "applicant");
      Api.Reply laterRun = admin.post("/api/v1/admin/storage/reconcile", null);
      assertEquals(200, laterRun.status(), laterRun.toString());
      JsonObject later = laterRun.json();
      assertTrue(later.getInt("quarantined") >= 1, later.toString());
      assertEquals(1, later.getInt("missing"));
      assertFalse(Files.exists(orphan), "moved out of its place");
      assertTrue(filesUnder(bucket.resolve("quarantine")).stream()
          .anyMatch(p -> p.toString().endsWith("/applications/" + kept
              + "/materials/loss-statement/stray-orphan")), "kept in quarantine for the grace period");
      Api.Reply audit = admin.get("/api/v1/admin/audit?action=STORAGE_RECONCILED");
      assertEquals(200, audit.status(), audit.toString());
      assertTrue(audit.text().contains("STORAGE_RECONCILED"), audit.toString());

      // 3. The embedded S3 server killed: 503 and DOWN, then back by itself.
      long pid = Long.parseLong(Files.readString(portal.dataDir.resolve("s3-embedded.pid")).trim());
      ProcessHandle s3 = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
      assertTrue(s3.info().commandLine().orElse("").contains("EmbeddedS3Main"), s3.info().toString());
      s3.destroyForcibly(); // kill -9
      s3.onExit().get();

      long fresh = ApiJourneyIT.create(applicant, "SCJG-0002");
      Api.Reply refused = applicant.putFile("/api/v1/applications/" + fresh + "/materials/loss-statement",
          "声明.pdf", Materials.pdf(List.of("存储中断")));
      assertEquals(503, refused.status(), refused.toString());
      assertEquals("STORAGE_UNAVAILABLE", refused.json().getString("error"));
      assertEquals(UNAVAILABLE, refused.json().getString("message"));
      HttpResponse<String> down = health(portal);
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().replace("\"false\"", "false").contains("\"objectStore\":false"), down.body());

      Instant deadline = Instant.now().plusSeconds(45);
      HttpResponse<String> ready = health(portal);
      while (ready.statusCode() != 200 && Instant.now().isBefore(deadline)) {
        Thread.sleep(1000);
        ready = health(portal);
      }
      assertEquals(200, ready.statusCode(), "the store came back by itself: " + ready.body());
      long newPid = Long.parseLong(Files.readString(portal.dataDir.resolve("s3-embedded.pid")).trim());
      assertNotEquals(pid, newPid);
      ApiJourneyIT.upload(applicant, fresh, "loss-statement", "声明.pdf", Materials.pdf(List.of("恢复后")));
      Api.Reply earlier = applicant.get("/api/v1/applications/" + kept + "/materials/loss-statement");
      assertEquals(200, earlier.status(), earlier.toString());
      assertArrayEquals(last, earlier.body(), "earlier materials intact");
      String log = portal.logTail();
      assertTrue(portal.logTail().contains("内置 S3 服务已重新启动") || Files.readString(
          portal.dataDir.resolve("portal.log")).contains("内置 S3 服务已重新启动"), log);
    }
  }

  /**
   * The regular files under {@code dir}. A walk that meets a file deleted while it walks (the
   * portal deletes a replaced object after its answer, so it may be going now) looks again.
   */
  static List<Path> filesUnder(Path dir) throws Exception {
    for (int attempt = 1; ; attempt++) {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(Files::isRegularFile).toList();
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        boolean gone = e instanceof java.nio.file.NoSuchFileException
            || e.getCause() instanceof java.nio.file.NoSuchFileException;
        if (!gone || attempt == 5) {
          throw e; // another failure than a file deleted while walking is the test's to report
        }
        Thread.sleep(50);
      }
    }
  }

  static HttpResponse<String> health(RunningPortal portal) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(portal.url() + "/health/ready")).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
