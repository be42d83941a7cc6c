package cn.wssp.storage;

/** An object as stored: key, size in bytes, SHA-256 as lower-case hex, content type. */
public record StoredObject(String key, long size, String sha256, String contentType) {}
