package cn.wssp.portal.testing;

import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.Protection;
import cn.wssp.storage.StorageException;
import cn.wssp.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object store's contract in memory, for service tests (the real S3 protocol is tested in
 * the storage module and the journeys): SHA-256 on every object, write-once documents.
 */
public class InMemoryObjectStore implements ObjectStore {
  public final Map<String, byte[]> objects = new HashMap<>();
  /** When each object was written, by {@link #clock}. */
  public final Map<String, java.time.Instant> written = new HashMap<>();
  public java.time.Clock clock = java.time.Clock.systemUTC();
  /** Set to make every call fail, as a store that went down. */
  public boolean down;
  /** Keys whose delete fails (a store that refuses one delete). */
  public final Set<String> undeletable = new java.util.HashSet<>();
  private final Set<String> immutable = new java.util.HashSet<>();

  @Override
  public StoredObject put(String key, InputStream content, long size, String contentType)
      throws StorageException {
    failIfDown();
    if (immutable.contains(key)) {
      throw new StorageException("immutable object exists: " + key);
    }
    try {
      byte[] bytes = content.readAllBytes();
      if (size >= 0 && bytes.length != size) { // as a real store: another length stores nothing
        throw new cn.wssp.storage.LengthMismatchException(key, size, String.valueOf(bytes.length));
      }
      objects.put(key, bytes);
      written.put(key, clock.instant());
      return new StoredObject(key, bytes.length, sha256(bytes), contentType);
    } catch (IOException e) {
      throw new StorageException(e.getMessage(), e);
    }
  }

  @Override
  public StoredObject putImmutable(String key, InputStream content, long size, String contentType)
      throws StorageException {
    StoredObject stored = put(key, content, size, contentType);
    immutable.add(key);
    return stored;
  }

  @Override
  public InputStream get(String key) throws StorageException {
    failIfDown();
    byte[] bytes = objects.get(key);
    if (bytes == null) {
      throw new StorageException("no such object: " + key);
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public byte[] getVerified(String key, String expectedSha256) throws StorageException {
    byte[] bytes = objects.get(key);
    if (bytes == null || !sha256(bytes).equals(expectedSha256)) {
      throw new StorageException("object missing or changed: " + key);
    }
    return bytes;
  }

  @Override
  public Optional<StoredObject> stat(String key) {
    byte[] bytes = objects.get(key);
    return bytes == null ? Optional.empty()
        : Optional.of(new StoredObject(key, bytes.length, sha256(bytes), null));
  }

  @Override
  public void delete(String key) throws StorageException {
    failIfDown();
    if (immutable.contains(key) || undeletable.contains(key)) {
      throw new StorageException("cannot delete: " + key);
    }
    objects.remove(key);
    written.remove(key);
  }

  @Override
  public java.util.List<cn.wssp.storage.ListedObject> list(String prefix) throws StorageException {
    failIfDown();
    return objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted()
        .map(k -> new cn.wssp.storage.ListedObject(k, objects.get(k).length,
            written.getOrDefault(k, java.time.Instant.EPOCH)))
        .toList();
  }

  @Override
  public void copy(String fromKey, String toKey) throws StorageException {
    failIfDown();
    byte[] bytes = objects.get(fromKey);
    if (bytes == null) {
      throw new StorageException("no such object: " + fromKey);
    }
    objects.put(toKey, bytes);
    written.put(toKey, clock.instant());
  }

  private void failIfDown() throws StorageException {
    if (down) {
      throw new StorageException("connection refused (test)");
    }
  }

  @Override
  public boolean isUsable() {
    return !down;
  }

  @Override
  public Set<Protection> protections() {
    return Set.of();
  }

  @Override
  public void close() {}

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
