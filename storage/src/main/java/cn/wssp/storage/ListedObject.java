package cn.wssp.storage;

import java.time.Instant;

/** One object as a listing shows it: key, size in bytes and when it was last written. */
public record ListedObject(String key, long size, Instant lastModified) {}
