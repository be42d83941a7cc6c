package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./portal backup} and {@code ./portal restore}, the real scripts: a journey to issued
 * documents, a backup, and a restore into an empty data folder (and, on PostgreSQL, an empty new
 * database) on which a new portal serves every issued document byte for byte, verified valid.
 * A backup with one changed byte, or a file missing, is refused before anything is written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreIT {
  private static final Path WORK = Path.of("target", "it-data", "backup-" + System.currentTimeMillis())
      .toAbsolutePath();
  /** The backup made by the first test, for the refusals of the second. */
  private static Path backup;
  /** Databases this test created (PostgreSQL), dropped at the end. */
  private static final List<String> databases = new ArrayList<>();

  @Test
  @Order(1)
  void restoredBackupServesEveryIssuedDocumentVerified() throws Exception {
    Files.createDirectories(WORK);
    backup = WORK.resolve("backup");
    Map<String, String> issued = new LinkedHashMap<>(); // document id → SHA-256 of its PDF
    Map<String, String> numbers = new LinkedHashMap<>(); // document id → number
    long id;
    String rootPem;
    int port;
    try (RunningPortal original = RunningPortal.dedicated("backup-source")) {
      original.start();
      port = original.port;
      rootPem = Api.anonymous(original).get("/api/v1/pki/ca.pem").text();
      Api applicant = Api.login(original, "applicant");
      id = ApiJourneyIT.preReviewedLossStatement(applicant);
      Api.Reply accepted = Api.login(original, "clerk").post("/api/v1/applications/" + id
          + "/acceptance", "{\"action\":\"ACCEPT\"}");
      assertEquals(200, accepted.status(), accepted.toString());
      Api.Reply decided = Api.login(original, "chief-b").post("/api/v1/applications/" + id
          + "/decision", "{\"outcome\":\"APPROVE\",\"text\":\"准予补领营业执照。\",\"pin\":\"123456\"}");
      assertEquals(200, decided.status(), decided.toString());
      JsonObject app = applicant.get("/api/v1/applications/" + id).json();
      for (JsonValue v : app.getJsonArray("documents")) {
        JsonObject doc = v.asJsonObject();
        String docId = doc.get("id").toString();
        issued.put(docId, sha256(ApiJourneyIT.download(applicant, Integer.parseInt(docId))));
        numbers.put(docId, doc.getString("number"));
      }
      assertTrue(issued.size() >= 2, "an acceptance notice and a decision: " + app);

      if (original.dbUrl == null) {
        // H2 is one process's database: the backup refuses while the portal runs, and says so.
        RunningPortal.ScriptRun refused = original.script("backup", backup.toString());
        assertNotEquals(0, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("stop the portal"), refused.output());
        assertFalse(Files.exists(backup), "a refused backup leaves nothing behind");
        original.stop();
        run(original.script("backup", backup.toString()));
      } else {
        // PostgreSQL (pg_dump's snapshot) and the objects are copied while the portal runs.
        run(original.script("backup", backup.toString()));
        original.stop();
      }
    }

    // The backup holds the keys: the portal user's alone.
    try (Stream<Path> files = Files.walk(backup)) {
      for (Path p : files.toList()) {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        assertTrue(perms.endsWith("------"), p + " is " + perms);
      }
    }
    String manifest = Files.readString(backup.resolve("manifest.json"));
    for (String number : numbers.values()) {
      assertTrue(manifest.contains("\"objects/documents/" + number + "/"), number + " in " + manifest);
    }
    assertTrue(Files.isRegularFile(backup.resolve("pki").resolve("ca.p12")), "key stores kept");

    String restoredDb = null;
    if (System.getProperty("portal.test.db.url", "").isBlank()) {
      restoredDb = null;
    } else {
      restoredDb = newDatabase(manifestSchema(manifest));
    }
    // The restored portal takes the original's place, at its address: the seal certificates
    // name its OCSP responder and CA there (PORTAL_PUBLIC_URL), which pdfsig asks below.
    try (RunningPortal restored = RunningPortal.on("backup-restored", restoredDb, port)) {
      assertFalse(Files.exists(restored.dataDir), "an empty new data folder");
      run(restored.script("restore", backup.toString()));
      // A second restore onto the restored folder is refused without --force.
      RunningPortal.ScriptRun again = restored.script("restore", backup.toString());
      assertNotEquals(0, again.exitCode(), again.output());
      assertTrue(again.output().contains("not empty"), again.output());

      restored.start();
      assertEquals(rootPem, Api.anonymous(restored).get("/api/v1/pki/ca.pem").text(), "same root CA");
      Api applicant = Api.login(restored, "applicant");
      JsonObject app = applicant.get("/api/v1/applications/" + id).json();
      assertEquals(issued.size(), app.getJsonArray("documents").size(), app.toString());
      for (Map.Entry<String, String> doc : issued.entrySet()) {
        byte[] pdf = ApiJourneyIT.download(applicant, Integer.parseInt(doc.getKey()));
        assertEquals(doc.getValue(), sha256(pdf), "document " + numbers.get(doc.getKey())
            + " byte for byte");
        Api.Reply verified = Api.anonymous(restored).postFile("/api/v1/verify", "doc.pdf", pdf);
        assertEquals(200, verified.status(), verified.toString());
        assertTrue(verified.json().getBoolean("valid"), numbers.get(doc.getKey()) + ": " + verified);
        assertTrue(verified.json().getBoolean("intact"), verified.toString());
        // And independently of the portal: poppler's pdfsig, trusting the restored root only
        // (and asking the restored portal's OCSP responder, signing with the restored keys).
        String pdfsig = Pdfsig.report(WORK, pdf, Api.anonymous(restored).get("/api/v1/pki/ca.pem").text());
        assertTrue(pdfsig.contains("Signature Validation: Signature is Valid."), pdfsig);
        assertTrue(pdfsig.contains("Certificate Validation: Certificate is Trusted."), pdfsig);
      }
      Api.Reply audit = Api.login(restored, "supervisor").get("/api/v1/admin/audit/verify");
      assertEquals(200, audit.status(), audit.toString());
      assertTrue(audit.json().getBoolean("intact"), "audit chain intact after restore: " + audit);
    }
  }

  @Test
  @Order(2)
  void alteredOrIncompleteBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
    assertNotNull(backup, "needs the backup of the first test");
    // One changed byte in an issued document's copy.
    Path altered = copy(backup, WORK.resolve("altered"));
    Path pdf;
    try (Stream<Path> files = Files.walk(altered.resolve("objects").resolve("documents"))) {
      pdf = files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(pdf);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(pdf, bytes);
    String name = altered.relativize(pdf).toString();
    assertRefused(altered, name);

    // A file missing.
    Path incomplete = copy(backup, WORK.resolve("incomplete"));
    Files.delete(incomplete.resolve("pki").resolve("ca.p12"));
    assertRefused(incomplete, "pki/ca.p12");
  }

  private static void assertRefused(Path dir, String fileNamed) throws Exception {
    // The target database does not matter: the backup is checked before anything else.
    try (RunningPortal target = RunningPortal.on("backup-refused", null)) {
      RunningPortal.ScriptRun r = target.script("restore", dir.toString());
      assertNotEquals(0, r.exitCode(), r.output());
      assertTrue(r.output().contains(fileNamed), "the refusal names " + fileNamed + ": " + r.output());
      try (Stream<Path> s = Files.list(target.dataDir)) {
        assertEquals(List.of(), s.toList(), "nothing written");
      }
    }
  }

  private static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static void run(RunningPortal.ScriptRun r) {
    assertEquals(0, r.exitCode(), r.output());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String manifestSchema(String manifest) {
    var m = java.util.regex.Pattern.compile("\"schema\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest);
    return m.find() ? m.group(1) : null;
  }

  /** A new, empty PostgreSQL database beside the profile's; its URL names the backup's schema. */
  private static String newDatabase(String schema) throws Exception {
    String base = System.getProperty("portal.test.db.url");
    String name = "wssp_restore_" + Long.toString(System.currentTimeMillis(), 36);
    try (Connection c = DriverManager.getConnection(base, dbUser(), "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    databases.add(name);
    String url = base.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String dbUser() {
    String u = System.getProperty("portal.test.db.user", "");
    return u.isBlank() ? "postgres" : u;
  }

  @AfterAll
  static void dropDatabases() throws Exception {
    if (databases.isEmpty()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(System.getProperty("portal.test.db.url"), dbUser(), "")) {
      for (String name : databases) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
