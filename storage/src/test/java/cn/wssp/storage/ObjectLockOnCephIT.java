package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import io.minio.GetObjectRetentionArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issued documents are immutable on a server with object lock (issue 10): the store makes its
 * bucket with object lock, and the server itself, not our code, refuses to delete a document. The
 * server's state is read with a MinIO client of the test's own, beside the store.
 */
class ObjectLockOnCephIT {
  static S3Settings settings;
  static MinioObjectStore store;
  static MinioClient s3;

  @BeforeAll
  static void connect() throws Exception {
    settings = RgwTarget.settings("wssp-lock");
    store = MinioObjectStore.connect(settings);
    s3 = RgwTarget.client(settings);
  }

  @AfterAll
  static void close() throws Exception {
    if (store != null) {
      store.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void theBucketIsMadeWithObjectLock() {
    assertTrue(store.protections().contains(Protection.OBJECT_LOCK), store.protections().toString());
    assertTrue(store.protections().contains(Protection.VERSIONING), store.protections().toString());
  }

  /** RGW honours lifecycle rules: the parts of an upload a killed portal left expire. */
  @Test
  void incompleteUploadsExpireByTheBucketsLifecycle() throws Exception {
    assertTrue(store.protections().contains(Protection.INCOMPLETE_UPLOADS_EXPIRE),
        store.protections().toString());
    io.minio.messages.LifecycleConfiguration lifecycle = s3.getBucketLifecycle(
        io.minio.GetBucketLifecycleArgs.builder().bucket(settings.bucket()).build());
    assertTrue(lifecycle.rules().stream().anyMatch(r ->
        MinioObjectStore.INCOMPLETE_UPLOAD_RULE.equals(r.id())
            && r.abortIncompleteMultipartUpload() != null
            && r.abortIncompleteMultipartUpload().daysAfterInitiation()
                == MinioObjectStore.INCOMPLETE_UPLOAD_DAYS), lifecycle.rules().toString());
    // A second start finds the rule in force and adds none.
    try (MinioObjectStore again = MinioObjectStore.connect(settings)) {
      assertTrue(again.protections().contains(Protection.INCOMPLETE_UPLOADS_EXPIRE));
    }
    assertEquals(1, s3.getBucketLifecycle(io.minio.GetBucketLifecycleArgs.builder()
        .bucket(settings.bucket()).build()).rules().size());
  }

  @Test
  void anIssuedDocumentIsRetainedAndCannotBeDeleted() throws Exception {
    byte[] doc = ObjectStoreContract.random(2048);
    String key = "issued/locked.pdf";
    ZonedDateTime before = ZonedDateTime.now();
    store.putImmutable(key, new ByteArrayInputStream(doc), doc.length, "application/pdf");

    Retention retention = s3.getObjectRetention(GetObjectRetentionArgs.builder()
        .bucket(settings.bucket()).object(key).build());
    assertNotNull(retention, "no retention on the issued document");
    assertEquals(RetentionMode.COMPLIANCE, retention.mode());
    ZonedDateTime expected = before.plus(settings.retention());
    assertTrue(Duration.between(expected, retention.retainUntilDate()).abs().toMinutes() < 5,
        "retain until " + retention.retainUntilDate() + ", expected about " + expected);
    assertTrue(store.isRetained(key));

    StorageException refused = assertThrows(StorageException.class, () -> store.delete(key));
    assertTrue(refused.getMessage().contains("AccessDenied"), refused.getMessage());
    String version = s3.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(key)
        .build()).versionId();
    ErrorResponseException byVersion = assertThrows(ErrorResponseException.class,
        () -> s3.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key)
            .versionId(version).build()));
    assertEquals("AccessDenied", byVersion.errorResponse().code());
    assertArrayEquals(doc, store.getVerified(key, ObjectStoreContract.sha(doc)));
  }

  @Test
  void anIssuedDocumentIsNotWrittenTwice() throws Exception {
    byte[] first = ObjectStoreContract.random(700);
    byte[] second = ObjectStoreContract.random(800);
    store.putImmutable("issued/once.pdf", new ByteArrayInputStream(first), first.length, null);
    assertThrows(StorageException.class, () -> store.putImmutable("issued/once.pdf",
        new ByteArrayInputStream(second), second.length, null));
    assertArrayEquals(first, store.getVerified("issued/once.pdf", ObjectStoreContract.sha(first)));
    assertEquals(1, versions("issued/once.pdf"), "no second version written");
  }

  /** Materials stay mutable: no retention, and a delete removes every version, not a marker. */
  @Test
  void ordinaryObjectsAreNotLocked() throws Exception {
    byte[] data = ObjectStoreContract.random(900);
    store.put("materials/m.bin", new ByteArrayInputStream(data), data.length, null);
    store.put("materials/m.bin", new ByteArrayInputStream(data), data.length, null);
    assertEquals(1, versions("materials/m.bin"), "the overwritten version is kept");
    assertFalse(store.isRetained("materials/m.bin"));
    store.delete("materials/m.bin");
    assertTrue(store.stat("materials/m.bin").isEmpty());
    assertEquals(0, versions("materials/m.bin"), "versions or delete markers left behind");
  }

  /** A copy over a key (quarantine, restore) replaces it like a put: no older version kept. */
  @Test
  void aCopyOverAKeyLeavesOneVersion() throws Exception {
    byte[] first = ObjectStoreContract.random(700);
    byte[] second = ObjectStoreContract.random(800);
    store.put("materials/a.bin", new ByteArrayInputStream(first), first.length, null);
    store.put("materials/b.bin", new ByteArrayInputStream(second), second.length, null);
    store.copy("materials/a.bin", "materials/b.bin");
    store.copy("materials/a.bin", "materials/b.bin");
    assertEquals(first.length, store.stat("materials/b.bin").orElseThrow().size());
    assertEquals(1, versions("materials/b.bin"), "the copied-over version is kept");
  }

  /** The readiness probe overwrites one key again and again: that must not pile up versions. */
  @Test
  void theReadinessProbeLeavesOneVersion() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertTrue(store.isUsable());
    }
    assertEquals(1, versions(ObjectStore.PROBE_PREFIX + "probe"));
  }

  private static int versions(String key) throws Exception {
    int n = 0;
    for (var r : s3.listObjects(ListObjectsArgs.builder().bucket(settings.bucket()).prefix(key)
        .includeVersions(true).build())) {
      if (r.get().objectName().equals(key)) {
        n++;
      }
    }
    return n;
  }
}
