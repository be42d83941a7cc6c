package cn.wssp.storage;

import java.time.Period;

/**
 * Where the S3-compatible server is and how to reach it (from configuration), and how long issued
 * documents are retained (COMPLIANCE) where the server offers object lock.
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket,
    Period retention) {
  /** Issued documents are kept 30 years unless configured otherwise (PORTAL_S3_RETENTION_YEARS). */
  public static final Period DEFAULT_RETENTION = Period.ofYears(30);

  public S3Settings {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
  }

  public S3Settings(String endpoint, String accessKey, String secretKey, String bucket) {
    this(endpoint, accessKey, secretKey, bucket, DEFAULT_RETENTION);
  }
}
