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
  private final Set<String> immutable = new java.util.HashSet<>();

  @Override
  public StoredObject put(String key, InputStream content, long size, String contentType)
      throws StorageException {
    if (immutable.contains(key)) {
      throw new StorageException("immutable object exists: " + key);
    }
    try {
      byte[] bytes = content.readAllBytes();
      objects.put(key, bytes);
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
    if (immutable.contains(key)) {
      throw new StorageException("immutable: " + key);
    }
    objects.remove(key);
  }

  @Override
  public boolean isUsable() {
    return true;
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
