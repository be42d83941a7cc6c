package cn.wssp.storage;

import java.time.Period;

/**
 * Where the S3-compatible server is and how to reach it (from configuration), how long issued
 * documents are retained (COMPLIANCE) where the server offers object lock, and whether every
 * object must be encrypted by the server: SSE-S3 (the server's own keys, AES-256) or, with {@code
 * kmsKeyId}, SSE-KMS (the key of that id in the server's key management service).
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket,
    Period retention, boolean serverSideEncryption, String kmsKeyId) {
  /** Issued documents are kept 30 years unless configured otherwise (PORTAL_S3_RETENTION_YEARS). */
  public static final Period DEFAULT_RETENTION = Period.ofYears(30);

  public S3Settings {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    if (kmsKeyId != null && (kmsKeyId.isBlank() || !serverSideEncryption)) {
      throw new IllegalArgumentException("a KMS key id goes with server-side encryption: " + kmsKeyId);
    }
  }

  public S3Settings(String endpoint, String accessKey, String secretKey, String bucket,
      Period retention, boolean serverSideEncryption) {
    this(endpoint, accessKey, secretKey, bucket, retention, serverSideEncryption, null);
  }

  public S3Settings(String endpoint, String accessKey, String secretKey, String bucket) {
    this(endpoint, accessKey, secretKey, bucket, DEFAULT_RETENTION);
  }

  public S3Settings(String endpoint, String accessKey, String secretKey, String bucket,
      Period retention) {
    this(endpoint, accessKey, secretKey, bucket, retention, false);
  }

  /** The same server, with server-side encryption (SSE-S3) required or not. */
  public S3Settings withServerSideEncryption(boolean required) {
    return new S3Settings(endpoint, accessKey, secretKey, bucket, retention, required);
  }

  /**
   * The same server with the encryption a setting names (PORTAL_S3_ENCRYPTION): {@code none},
   * {@code SSE-S3} or {@code SSE-KMS:<key id>}.
   */
  public S3Settings withEncryption(String setting) {
    String value = setting == null ? "none" : setting.strip();
    if (value.equalsIgnoreCase("SSE-S3")) {
      return withServerSideEncryption(true);
    }
    if (value.regionMatches(true, 0, "SSE-KMS:", 0, 8) && !value.substring(8).isBlank()) {
      return withKmsKey(value.substring(8).strip());
    }
    if (value.equalsIgnoreCase("none")) {
      return withServerSideEncryption(false);
    }
    throw new IllegalArgumentException(
        "PORTAL_S3_ENCRYPTION must be none, SSE-S3 or SSE-KMS:<key id>: " + value);
  }

  /** The same server, every object encrypted with the KMS key {@code keyId} (SSE-KMS). */
  public S3Settings withKmsKey(String keyId) {
    return new S3Settings(endpoint, accessKey, secretKey, bucket, retention, true, keyId);
  }

  /**
   * The headers asking the server to encrypt an object (none when not required). Sent as
   * headers, not the SDK's {@code ServerSideEncryptionKms}, which the SDK allows over HTTPS only:
   * the key stays with the server, the request carries only its id.
   */
  public java.util.Map<String, String> encryptionHeaders() {
    if (!serverSideEncryption) {
      return java.util.Map.of();
    }
    return kmsKeyId == null
        ? java.util.Map.of("X-Amz-Server-Side-Encryption", "AES256")
        : java.util.Map.of("X-Amz-Server-Side-Encryption", "aws:kms",
            "X-Amz-Server-Side-Encryption-Aws-Kms-Key-Id", kmsKeyId);
  }
}
