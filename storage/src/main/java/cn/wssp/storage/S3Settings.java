package cn.wssp.storage;

/** Where the S3-compatible server is and how to reach it (from configuration). */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket) {}
