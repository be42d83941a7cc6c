package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every S3 server the portal runs on must do through {@link MinioObjectStore}: run against
 * the embedded S3Proxy ({@link MinioObjectStoreTest}) and against Ceph's RADOS Gateway, whose
 * bucket has object lock and versioning ({@link MinioObjectStoreOnCephIT}).
 */
abstract class ObjectStoreContract {
  /** The store under test, connected to a bucket of its own. */
  abstract MinioObjectStore store();

  /** How {@link #store()} was reached, to connect again with a wrong secret. */
  abstract S3Settings settings();

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
    StoredObject s = store().put("a/small.txt", new ByteArrayInputStream(small), small.length, "text/plain");
    assertEquals(sha(small), s.sha256());
    assertEquals(small.length, s.size());
    try (InputStream in = store().get("a/small.txt")) {
      assertArrayEquals(small, in.readAllBytes());
    }
    byte[] big = random(23 * 1024 * 1024); // multipart: more than two 10 MiB parts
    StoredObject b = store().put("a/big.bin", new ByteArrayInputStream(big), -1, "application/octet-stream");
    assertEquals(sha(big), b.sha256());
    assertEquals(big.length, b.size());
    assertArrayEquals(big, store().getVerified("a/big.bin", sha(big)));
  }

  /**
   * Large objects go in overlapping parts: a declared length, a length of exactly two parts
   * (the last read finds nothing), and a stream of unknown length shorter than one part.
   */
  @Test
  void partsOfEveryShapeArriveWhole() throws Exception {
    int part = 10 * 1024 * 1024;
    for (int n : new int[] {part + 1, 2 * part, 25 * 1024 * 1024}) {
      byte[] data = random(n);
      StoredObject o = store().put("p/" + n, new ByteArrayInputStream(data), n, null);
      assertEquals(sha(data), o.sha256(), "declared " + n);
      assertEquals(n, o.size());
      assertArrayEquals(data, store().getVerified("p/" + n, sha(data)));
    }
    byte[] exact = random(2 * part);
    StoredObject o = store().put("p/exact", new ByteArrayInputStream(exact), -1, null);
    assertEquals(2L * part, o.size());
    assertArrayEquals(exact, store().getVerified("p/exact", sha(exact)));
    byte[] small = random(1000);
    o = store().put("p/small", new ByteArrayInputStream(small), -1, "text/plain");
    assertEquals(sha(small), o.sha256());
    assertArrayEquals(small, store().getVerified("p/small", sha(small)));
  }

  /** A large stream that ends before, or goes on after, its declared length leaves nothing. */
  @Test
  void aLargeObjectOfTheWrongLengthIsNotWritten() throws Exception {
    byte[] data = random(15 * 1024 * 1024);
    StorageException shorter = assertThrows(StorageException.class,
        () -> store().put("p/short", new ByteArrayInputStream(data), data.length + 1, null));
    assertTrue(shorter.getMessage().contains("长度"), shorter.getMessage());
    assertTrue(store().stat("p/short").isEmpty(), "no object from an aborted upload");
    assertThrows(StorageException.class,
        () -> store().put("p/long", new ByteArrayInputStream(data), data.length - 1, null));
    assertTrue(store().stat("p/long").isEmpty());
  }

  /**
   * A declared length above 1 MiB goes in one PUT whose body streams as it is read: the bytes,
   * their type and hash arrive; a sender who fails halfway leaves no object.
   */
  @Test
  void aDeclaredLengthStreamsInOnePut() throws Exception {
    byte[] data = random(5 * 1024 * 1024 + 7);
    StoredObject o = store().put("s/five", new ByteArrayInputStream(data), data.length, "application/pdf");
    assertEquals(sha(data), o.sha256());
    assertEquals(data.length, o.size());
    assertArrayEquals(data, store().getVerified("s/five", sha(data)));
    assertEquals("application/pdf", store().stat("s/five").orElseThrow().contentType());
    InputStream breaksHalfway = new java.io.SequenceInputStream(
        new ByteArrayInputStream(data, 0, 3 << 20), new InputStream() {
          @Override
          public int read() throws java.io.IOException {
            throw new java.io.IOException("the sender's connection was reset");
          }
        });
    assertThrows(StorageException.class,
        () -> store().put("s/broken", breaksHalfway, data.length, null));
    assertTrue(store().stat("s/broken").isEmpty(), "no object from a broken stream");
  }

  @Test
  void wrongHashIsRefused() throws Exception {
    byte[] data = random(1000);
    store().put("a/h.bin", new ByteArrayInputStream(data), data.length, null);
    StorageException e = assertThrows(StorageException.class,
        () -> store().getVerified("a/h.bin", "00".repeat(32)));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }

  @Test
  void missingObjectsAreEmpty() throws Exception {
    assertTrue(store().stat("no/such/key").isEmpty());
  }

  @Test
  void immutableObjectsAreNeverOverwritten() throws Exception {
    byte[] first = random(500);
    store().putImmutable("docs/d1.pdf", new ByteArrayInputStream(first), first.length, "application/pdf");
    byte[] second = random(600);
    assertThrows(StorageException.class, () -> store().putImmutable("docs/d1.pdf",
        new ByteArrayInputStream(second), second.length, "application/pdf"));
    assertArrayEquals(first, store().getVerified("docs/d1.pdf", sha(first)));
  }

  /**
   * A mutable object, overwritten and deleted, is gone: on a versioned bucket the older content
   * must not come back as the current version, nor hide behind a delete marker.
   */
  @Test
  void mutableObjectsAreOverwrittenAndDeleted() throws Exception {
    byte[] first = random(300);
    byte[] second = random(400);
    store().put("a/draft.txt", new ByteArrayInputStream(first), first.length, "text/plain");
    store().put("a/draft.txt", new ByteArrayInputStream(second), second.length, "text/plain");
    assertArrayEquals(second, store().getVerified("a/draft.txt", sha(second)));
    store().delete("a/draft.txt");
    assertTrue(store().stat("a/draft.txt").isEmpty(), "deleted");
    assertTrue(store().list("a/draft").isEmpty(), "no longer listed");
  }

  @Test
  void declaredLengthMustMatch() {
    byte[] data = random(100);
    assertThrows(StorageException.class,
        () -> store().put("a/short", new ByteArrayInputStream(data), 200, null));
  }

  @Test
  void isUsable() {
    assertTrue(store().isUsable());
  }

  @Test
  void wrongSecretIsRefused() {
    S3Settings s = settings();
    assertThrows(StorageException.class, () -> MinioObjectStore.connect(
        new S3Settings(s.endpoint(), s.accessKey(), "wrong-secret-000000", s.bucket())));
  }
}
