package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.wssp.storage.ListedObject;
import cn.wssp.storage.MinioObjectStore;
import cn.wssp.storage.Protection;
import cn.wssp.storage.S3Settings;
import cn.wssp.storage.StorageException;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the whole journey on a portal whose store is Ceph's RADOS Gateway (started by
 * storage/src/test/ceph/rgw.sh under the ceph profile), and the issued decision is locked by the
 * server itself: COMPLIANCE retention, delete refused, the same bytes still there; and after
 * {@code ./portal backup} and {@code ./portal restore} into a new bucket, locked again.
 */
class IssuedDocumentOnCephIT {
  static RunningPortal portal;
  static S3Settings s3;

  @BeforeAll
  static void startPortalOnRgw() throws Exception {
    String file = System.getProperty("rgw.properties", "");
    assumeTrue(!file.isBlank() && Files.isRegularFile(Path.of(file)),
        "no RADOS Gateway: run 'mvn -pl portal-web verify -Pceph' as root (starts one with "
            + "storage/src/test/ceph/rgw.sh), or pass -Drgw.properties=DIR/rgw.properties");
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      p.load(in);
    }
    s3 = new S3Settings(p.getProperty("endpoint"), p.getProperty("accessKey"),
        p.getProperty("secretKey"), "wssp-journey-" + System.currentTimeMillis());
    portal = RunningPortal.dedicated("ceph");
    useStore(portal, s3);
    portal.start();
  }

  @AfterAll
  static void stopPortal() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void theIssuedDecisionIsLockedByTheServer() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    for (String m : new String[] {"application-form", "business-license", "legal-rep-id",
        "premises-layout", "safety-rules"}) {
      ApiJourneyIT.upload(applicant, id, m, m + ".pdf", Materials.valid("SCJG-0001", m));
    }
    ApiJourneyIT.submit(applicant, id);
    JsonObject reviewed = ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    assertEquals("COMPLETE", reviewed.getJsonObject("preReview").getString("verdict"), reviewed.toString());
    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals("ACCEPTED", accepted.json().getString("status"), accepted.toString());
    Api.Reply decided = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"许可经营项目：食品销售。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    assertEquals("ISSUED", decided.json().getString("status"));
    byte[] pdf = ApiJourneyIT.download(applicant, decided.json().getJsonObject("document").getInt("id"));
    Api.Reply verified = Api.anonymous(portal).postFile("/api/v1/verify", "decision.pdf", pdf);
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.json().getBoolean("valid"), verified.toString());
    assertTrue(verified.json().getBoolean("registered"), verified.toString());

    // The bucket as the portal made it, seen from outside the portal.
    try (MinioObjectStore store = MinioObjectStore.connect(s3)) {
      assertTrue(store.protections().contains(Protection.OBJECT_LOCK), store.protections().toString());
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
      String key = null;
      for (ListedObject o : store.list("")) {
        if (o.size() == pdf.length && sha.equals(store.stat(o.key()).orElseThrow().sha256())) {
          key = o.key();
        }
      }
      assertNotNull(key, "the downloaded decision is not in bucket " + s3.bucket());
      assertTrue(store.isRetained(key), key + " has no COMPLIANCE retention");
      String locked = key;
      StorageException refused = assertThrows(StorageException.class, () -> store.delete(locked));
      assertTrue(refused.getMessage().contains("AccessDenied"), refused.getMessage());
      assertArrayEquals(pdf, store.getVerified(key, sha));
    }

    // ./portal backup, then ./portal restore into an empty data folder and a new bucket of the
    // gateway: the decision is written back written-once, so the server locks it again.
    Path backup = portal.dataDir.resolveSibling(portal.dataDir.getFileName() + "-backup");
    int port = portal.port;
    portal.stop(); // H2: one process's database
    RunningPortal.ScriptRun saved = portal.script("backup", backup.toString());
    assertEquals(0, saved.exitCode(), saved.output());
    S3Settings into = new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(),
        "wssp-restored-" + System.currentTimeMillis());
    try (RunningPortal restored = RunningPortal.on("ceph-restored", null, port)) {
      useStore(restored, into);
      RunningPortal.ScriptRun back = restored.script("restore", backup.toString());
      assertEquals(0, back.exitCode(), back.output());
      try (MinioObjectStore store = MinioObjectStore.connect(into)) {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        String key = store.list("").stream().map(ListedObject::key)
            .filter(k -> sha.equals(stat(store, k))).findFirst().orElse(null);
        assertNotNull(key, "the restored decision is not in bucket " + into.bucket());
        assertTrue(store.isRetained(key), key + " restored without COMPLIANCE retention");
        String locked = key;
        assertThrows(StorageException.class, () -> store.delete(locked));
      }
      restored.start();
      byte[] again = ApiJourneyIT.download(Api.login(restored, "applicant"),
          decided.json().getJsonObject("document").getInt("id"));
      assertArrayEquals(pdf, again, "the restored portal serves the same decision");
    }
  }

  private static void useStore(RunningPortal p, S3Settings settings) {
    p.environment.put("PORTAL_S3_ENDPOINT", settings.endpoint());
    p.environment.put("PORTAL_S3_ACCESS_KEY", settings.accessKey());
    p.environment.put("PORTAL_S3_SECRET_KEY", settings.secretKey());
    p.environment.put("PORTAL_S3_BUCKET", settings.bucket());
  }

  private static String stat(MinioObjectStore store, String key) {
    try {
      return store.stat(key).map(o -> o.sha256()).orElse(null);
    } catch (StorageException e) {
      throw new IllegalStateException(e);
    }
  }
}
