package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest on a server that does it (PORTAL_S3_ENCRYPTION=SSE-KMS:testkey-1): Ceph's
 * RADOS Gateway with its testing key management (src/test/ceph/rgw.sh). Every object the store
 * writes — in one part, in several, by copy — is stored encrypted with that key and reads back as
 * written; a key the server does not know leaves the store unready, nothing written.
 */
class EncryptionOnCephIT {
  static final String KEY = "testkey-1";
  static S3Settings settings;
  static MinioObjectStore store;
  static MinioClient s3;

  @BeforeAll
  static void connect() throws Exception {
    settings = RgwTarget.settings("wssp-kms").withKmsKey(KEY);
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
  void theStoreSaysItEncrypts() {
    assertTrue(store.protections().contains(Protection.ENCRYPTION_AT_REST),
        store.protections().toString());
  }

  @Test
  void objectsOfOnePartOfSeveralAndCopiesAreEncryptedWithTheKey() throws Exception {
    byte[] small = ObjectStoreContract.random(4096);
    byte[] large = ObjectStoreContract.random(12 * 1024 * 1024); // two parts of 10 MB and less
    byte[] streamed = ObjectStoreContract.random(3 * 1024 * 1024); // one PUT, streamed
    store.put("kms/small", new ByteArrayInputStream(small), small.length, "application/pdf");
    store.put("kms/large", new ByteArrayInputStream(large), -1, "application/pdf");
    store.put("kms/streamed", new ByteArrayInputStream(streamed), streamed.length, "application/pdf");
    store.copy("kms/small", "kms/copy");
    for (String key : new String[] {"kms/small", "kms/large", "kms/streamed", "kms/copy"}) {
      StatObjectResponse stat = s3.statObject(StatObjectArgs.builder().bucket(settings.bucket())
          .object(key).build());
      assertEquals("aws:kms", stat.headers().get("x-amz-server-side-encryption"), key);
      assertEquals(KEY, stat.headers().get("x-amz-server-side-encryption-aws-kms-key-id"), key);
    }
    assertArrayEquals(small, read("kms/small"));
    assertArrayEquals(large, read("kms/large"));
    assertArrayEquals(streamed, read("kms/streamed"));
    assertArrayEquals(small, read("kms/copy"));
  }

  @Test
  void aKeyTheServerDoesNotKnowLeavesTheStoreUnready() throws Exception {
    S3Settings unknown = RgwTarget.settings("wssp-kms-unknown").withKmsKey("no-such-key");
    StorageException refused = assertThrows(StorageException.class,
        () -> MinioObjectStore.connect(unknown).close());
    assertTrue(refused.getMessage().contains("SSE-KMS:no-such-key"), refused.getMessage());
  }

  private static byte[] read(String key) throws Exception {
    try (InputStream in = store.get(key)) {
      return in.readAllBytes();
    }
  }
}
