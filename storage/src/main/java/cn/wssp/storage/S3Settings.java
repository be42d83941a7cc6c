package cn.wssp.storage;

import java.time.Period;

/**
 * Where the S3-compatible server is and how to reach it (from configuration), how long issued
 * documents are retained (COMPLIANCE) where the server offers object lock, and whether every
 * object must be encrypted by the server (SSE-S3: the server's own keys, AES-256).
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket,
    Period retention, boolean serverSideEncryption) {
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

  public S3Settings(String endpoint, String accessKey, String secretKey, String bucket,
      Period retention) {
    this(endpoint, accessKey, secretKey, bucket, retention, false);
  }

  /** The same server, with server-side encryption required or not. */
  public S3Settings withServerSideEncryption(boolean required) {
    return new S3Settings(endpoint, accessKey, secretKey, bucket, retention, required);
  }
}
