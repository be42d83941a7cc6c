package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real S3 protocol over HTTP: the embedded S3Proxy in its own JVM, the MinIO SDK in ours.
 * The tests every server must pass are inherited from {@link ObjectStoreContract}.
 */
class MinioObjectStoreTest extends ObjectStoreContract {
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
    store = MinioObjectStore.connect(new MinioObjectStoreTest().settings());
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

  @Override
  MinioObjectStore store() {
    return store;
  }

  @Override
  S3Settings settings() {
    return new S3Settings(server.endpoint(), "test-access", "test-secret-0123456789", "wssp-test");
  }

  @Test
  void s3proxyOffersNoObjectLockAndSaysSo() {
    assertFalse(store.protections().contains(Protection.OBJECT_LOCK));
    assertTrue(store.isUsable());
  }

  /**
   * Encryption at rest required of a server that does not do it (S3Proxy ignores or refuses the
   * SSE header): no store, a message naming the setting, and nothing of ours written in the clear.
   */
  @Test
  void requiredEncryptionIsRefusedByAServerWithoutIt() throws Exception {
    S3Settings encrypted = new S3Settings(server.endpoint(), "test-access",
        "test-secret-0123456789", "wssp-sse").withServerSideEncryption(true);
    StorageException refused = assertThrows(StorageException.class,
        () -> MinioObjectStore.connect(encrypted).close());
    assertTrue(refused.getMessage().contains("PORTAL_S3_ENCRYPTION"), refused.getMessage());
    try (MinioObjectStore plain = MinioObjectStore.connect(encrypted.withServerSideEncryption(false))) {
      assertTrue(plain.list("").stream().allMatch(o -> o.key().startsWith(ObjectStore.PROBE_PREFIX)),
          "only the probe was written");
      assertFalse(plain.protections().contains(Protection.ENCRYPTION_AT_REST));
    }
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
}
