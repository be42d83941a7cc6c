package cn.wssp.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.Properties;

/**
 * The RADOS Gateway started by src/test/ceph/rgw.sh (the {@code ceph} profile does it), found
 * through the system property {@code rgw.properties} naming the file the script writes. Without
 * it the Ceph tests are skipped, saying how to run them.
 */
final class RgwTarget {
  /**
   * Short, because Ceph enforces COMPLIANCE: nobody can delete these objects before it ends
   * (the memstore OSD throws them away when the script stops it).
   */
  static final Period TEST_RETENTION = Period.ofDays(1);

  private RgwTarget() {}

  /**
   * A plain SDK client of the gateway, to look behind the store; it needs the store's fixes of
   * RGW's answers to read them (see RetainUntilDateFix, LifecycleRulePrefixFix).
   */
  static io.minio.MinioClient client(S3Settings settings) {
    return io.minio.MinioClient.builder().endpoint(settings.endpoint())
        .credentials(settings.accessKey(), settings.secretKey())
        .httpClient(io.minio.http.HttpUtils.newDefaultHttpClient(60_000, 60_000, 60_000)
            .newBuilder().addInterceptor(new RetainUntilDateFix())
            .addInterceptor(new LifecycleRulePrefixFix()).build(), true).build();
  }

  /** Settings for a fresh bucket of this run; skips the calling test when no RGW is given. */
  static S3Settings settings(String bucketPrefix) throws IOException {
    String file = System.getProperty("rgw.properties", "");
    assumeTrue(!file.isBlank() && Files.isRegularFile(Path.of(file)),
        "no RADOS Gateway: run 'mvn -pl storage verify -Pceph' as root (starts one with "
            + "storage/src/test/ceph/rgw.sh), or pass -Drgw.properties=DIR/rgw.properties");
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      p.load(in);
    }
    // A bucket per run: locked objects of an earlier run against the same gateway stay put.
    return new S3Settings(p.getProperty("endpoint"), p.getProperty("accessKey"),
        p.getProperty("secretKey"), bucketPrefix + "-" + System.currentTimeMillis(), TEST_RETENTION);
  }
}
