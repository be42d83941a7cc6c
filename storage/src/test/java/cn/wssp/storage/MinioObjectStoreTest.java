package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real S3 protocol over HTTP: the embedded S3Proxy in its own JVM, the MinIO SDK in ours. */
class MinioObjectStoreTest {
  static Path dir;
  static EmbeddedS3Server server;
  static MinioObjectStore store;

  static String classpath() throws StorageException {
    Path lib = Path.of(System.getProperty("s3embedded.lib", "../s3-embedded/target/lib"));
    Path jar = Path.of(System.getProperty("s3embedded.jar", "missing.jar"));
    assertTrue(Files.isDirectory(lib) && Files.exists(jar),
        "s3-embedded is not packaged: run 'mvn verify' (or 'mvn -pl s3-embedded package') first");
    return EmbeddedS3Server.classpathOf(lib, jar);
  }

  static EmbeddedS3Server startServer() throws StorageException {
    return EmbeddedS3Server.start(dir.resolve("objects"), classpath(), 0, "test-access",
        "test-secret-0123456789", Duration.ofSeconds(60));
  }

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("s3test");
    server = startServer();
    store = MinioObjectStore.connect(new S3Settings(server.endpoint(), "test-access",
        "test-secret-0123456789", "wssp-test"));
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void putAndGetKnownAndUnknownLength() throws Exception {
    byte[] small = "营业执照副本".getBytes("UTF-8");
    StoredObject s = store.put("a/small.txt", new ByteArrayInputStream(small), small.length, "text/plain");
    assertEquals(sha(small), s.sha256());
    assertEquals(small.length, s.size());
    try (InputStream in = store.get("a/small.txt")) {
      assertArrayEquals(small, in.readAllBytes());
    }
    byte[] big = random(23 * 1024 * 1024); // multipart: more than two 10 MiB parts
    StoredObject b = store.put("a/big.bin", new ByteArrayInputStream(big), -1, "application/octet-stream");
    assertEquals(sha(big), b.sha256());
    assertEquals(big.length, b.size());
    assertArrayEquals(big, store.getVerified("a/big.bin", sha(big)));
  }

  @Test
  void wrongHashIsRefused() throws Exception {
    byte[] data = random(1000);
    store.put("a/h.bin", new ByteArrayInputStream(data), data.length, null);
    StorageException e = assertThrows(StorageException.class,
        () -> store.getVerified("a/h.bin", "00".repeat(32)));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }

  @Test
  void missingObjectsAreEmpty() throws Exception {
    assertTrue(store.stat("no/such/key").isEmpty());
  }

  @Test
  void immutableObjectsAreNeverOverwritten() throws Exception {
    byte[] first = random(500);
    store.putImmutable("docs/d1.pdf", new ByteArrayInputStream(first), first.length, "application/pdf");
    byte[] second = random(600);
    assertThrows(StorageException.class, () -> store.putImmutable("docs/d1.pdf",
        new ByteArrayInputStream(second), second.length, "application/pdf"));
    assertArrayEquals(first, store.getVerified("docs/d1.pdf", sha(first)));
  }

  @Test
  void s3proxyOffersNoObjectLockAndSaysSo() {
    assertFalse(store.protections().contains(Protection.OBJECT_LOCK));
    assertTrue(store.isUsable());
  }

  @Test
  void declaredLengthMustMatch() {
    byte[] data = random(100);
    assertThrows(StorageException.class,
        () -> store.put("a/short", new ByteArrayInputStream(data), 200, null));
  }

  @Test
  void dataSurvivesARestartAndTheChildDiesWithClose() throws Exception {
    Path own = Files.createTempDirectory("s3restart");
    Path before = dir;
    dir = own;
    try {
      byte[] data = random(4096);
      EmbeddedS3Server first = startServer();
      try (MinioObjectStore s = MinioObjectStore.connect(
          new S3Settings(first.endpoint(), "test-access", "test-secret-0123456789", "keep"))) {
        s.put("k", new ByteArrayInputStream(data), data.length, null);
      }
      first.close();
      assertFalse(first.isAlive(), "child process ended");
      try (MinioObjectStore gone = MinioObjectStore.connect(
          new S3Settings(first.endpoint(), "test-access", "test-secret-0123456789", "keep"))) {
        fail("connected to a stopped server");
      } catch (StorageException expected) {
        assertTrue(expected.getMessage().contains(first.endpoint()), expected.getMessage());
      }
      EmbeddedS3Server second = startServer();
      try (MinioObjectStore s = MinioObjectStore.connect(
          new S3Settings(second.endpoint(), "test-access", "test-secret-0123456789", "keep"))) {
        assertArrayEquals(data, s.getVerified("k", sha(data)));
        assertTrue(s.isUsable());
      } finally {
        second.close();
      }
    } finally {
      dir = before;
    }
  }

  @Test
  void wrongSecretIsRefused() throws Exception {
    assertThrows(StorageException.class, () -> MinioObjectStore.connect(
        new S3Settings(server.endpoint(), "test-access", "wrong-secret-000000", "wssp-test")));
  }
}
