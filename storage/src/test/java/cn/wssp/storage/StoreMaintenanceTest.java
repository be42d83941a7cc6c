package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reconciliation and the fault handling need from the real S3 protocol (S3Proxy in its
 * own JVM): a complete listing, copy into quarantine, delete, and a supervised child process that
 * comes back on the same endpoint after kill -9 with its data intact.
 */
class StoreMaintenanceTest {

  @Test
  void listingCopyAndDelete() throws Exception {
    Path dir = Files.createTempDirectory("s3list");
    try (EmbeddedS3Server server = EmbeddedS3Server.start(dir, MinioObjectStoreTest.classpath(), 0,
            "test-access", "test-secret-0123456789", Duration.ofSeconds(60));
        MinioObjectStore store = MinioObjectStore.connect(new S3Settings(server.endpoint(),
            "test-access", "test-secret-0123456789", "listing"))) {
      Instant before = Instant.now().minusSeconds(5);
      for (int i = 0; i < 3; i++) {
        byte[] b = ("材料 " + i).getBytes("UTF-8");
        store.put("applications/7/materials/m/" + i, new ByteArrayInputStream(b), b.length, null);
      }
      byte[] doc = "文书".getBytes("UTF-8");
      store.put("documents/d1.pdf", new ByteArrayInputStream(doc), doc.length, "application/pdf");
      assertTrue(store.isUsable()); // writes the probe object

      List<ListedObject> all = store.list("");
      assertEquals(List.of(ObjectStore.PROBE_PREFIX + "probe", "applications/7/materials/m/0",
          "applications/7/materials/m/1", "applications/7/materials/m/2", "documents/d1.pdf"),
          all.stream().map(ListedObject::key).sorted().toList());
      ListedObject first = all.stream().filter(o -> o.key().endsWith("/0")).findFirst().orElseThrow();
      assertEquals("材料 0".getBytes("UTF-8").length, first.size());
      assertTrue(first.lastModified().isAfter(before), first.lastModified().toString());
      assertEquals(3, store.list("applications/7/").size());

      // quarantine: copy keeps content and the recorded SHA-256, then the original goes
      String sha = store.stat("documents/d1.pdf").orElseThrow().sha256();
      store.copy("documents/d1.pdf", "quarantine/1/documents/d1.pdf");
      store.delete("documents/d1.pdf");
      assertTrue(store.stat("documents/d1.pdf").isEmpty());
      assertEquals(sha, store.stat("quarantine/1/documents/d1.pdf").orElseThrow().sha256());
      assertArrayEquals(doc, store.getVerified("quarantine/1/documents/d1.pdf", sha));
      assertEquals(List.of("quarantine/1/documents/d1.pdf"),
          store.list("quarantine/").stream().map(ListedObject::key).toList());
      assertThrows(StorageException.class, () -> store.copy("no/such", "quarantine/no/such"));
    }
  }

  @Test
  void aKilledServerIsRestartedOnTheSameEndpoint() throws Exception {
    Path dir = Files.createTempDirectory("s3kill");
    Path pidFile = dir.resolve("s3-embedded.pid");
    try (EmbeddedS3Supervisor supervisor = EmbeddedS3Supervisor.start(dir.resolve("objects"),
            MinioObjectStoreTest.classpath(), 0, "test-access", "test-secret-0123456789",
            Duration.ofSeconds(60), pidFile);
        MinioObjectStore store = MinioObjectStore.connect(new S3Settings(supervisor.endpoint(),
            "test-access", "test-secret-0123456789", "faults"))) {
      assertEquals(EmbeddedS3Supervisor.Outcome.ALIVE, supervisor.checkOnce());
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      assertEquals(supervisor.pid(), pid);
      byte[] data = MinioObjectStoreTest.random(5000);
      StoredObject saved = store.put("k", new ByteArrayInputStream(data), data.length, null);
      String endpoint = supervisor.endpoint();

      ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      assertFalse(store.isUsable(), "the store is down while its process is dead");
      assertThrows(StorageException.class,
          () -> store.put("k2", new ByteArrayInputStream(data), data.length, null));

      assertEquals(EmbeddedS3Supervisor.Outcome.RESTARTED, supervisor.checkOnce());
      assertEquals(1, supervisor.restarts());
      assertEquals(endpoint, supervisor.endpoint());
      assertNotEquals(pid, Long.parseLong(Files.readString(pidFile).trim()));
      assertTrue(store.isUsable(), "the same client works again");
      assertArrayEquals(data, store.getVerified("k", saved.sha256()));
    }
    assertFalse(Files.exists(pidFile), "the pid file goes with the server");
  }

  @Test
  void anExternalStoreDownAtStartWorksOnceItAnswers() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    S3Settings settings = new S3Settings("http://127.0.0.1:" + port, "test-access",
        "test-secret-0123456789", "later");
    assertThrows(StorageException.class, () -> MinioObjectStore.connect(settings));
    try (MinioObjectStore store = MinioObjectStore.open(settings)) {
      assertFalse(store.isUsable());
      byte[] data = "稍后".getBytes("UTF-8");
      assertThrows(StorageException.class,
          () -> store.put("k", new ByteArrayInputStream(data), data.length, null));
      Path dir = Files.createTempDirectory("s3late");
      try (EmbeddedS3Server server = EmbeddedS3Server.start(dir, MinioObjectStoreTest.classpath(),
          port, "test-access", "test-secret-0123456789", Duration.ofSeconds(60))) {
        assertTrue(store.isUsable(), "the bucket is made once the server answers");
        StoredObject saved = store.put("k", new ByteArrayInputStream(data), data.length, null);
        assertArrayEquals(data, store.getVerified("k", saved.sha256()));
      }
    }
  }
}
