package cn.wssp.storage;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * The object store as the portal sees it (§7): materials and issued documents, addressed by key,
 * each written with its SHA-256. Implementations hide the S3 SDK; no SDK type crosses this API.
 */
public interface ObjectStore extends AutoCloseable {
  /** Keys under this prefix belong to the store's own readiness probe, never to a record. */
  String PROBE_PREFIX = ".health/";

  /**
   * Writes an object, streaming; {@code size} may be -1 when unknown. Returns what was stored,
   * with the SHA-256 computed while streaming. Overwrites an existing mutable object. A content
   * of another length than a known {@code size} throws {@link LengthMismatchException} and
   * leaves no object; a sender too slow for the store, {@link SenderStalledException}.
   */
  StoredObject put(String key, InputStream content, long size, String contentType)
      throws StorageException;

  /**
   * Writes an object that must never change (an issued document): refuses with {@link
   * StorageException} if the key exists already, and applies retention where the server offers it.
   */
  StoredObject putImmutable(String key, InputStream content, long size, String contentType)
      throws StorageException;

  /** Opens an object for reading; the caller closes the stream. */
  InputStream get(String key) throws StorageException;

  /** Reads an object whole and checks it against the expected SHA-256 (hex); mismatch throws. */
  byte[] getVerified(String key, String expectedSha256) throws StorageException;

  Optional<StoredObject> stat(String key) throws StorageException;

  void delete(String key) throws StorageException;

  /**
   * Every object whose key starts with {@code prefix} ("" for all), in key order; the whole
   * listing, page by page, so the reconciliation sees each object once.
   */
  java.util.List<ListedObject> list(String prefix) throws StorageException;

  /** Copies an object within the bucket (content and metadata, the SHA-256 included). */
  void copy(String fromKey, String toKey) throws StorageException;

  /** Round-trips a tiny object; used by the readiness check. */
  boolean isUsable();

  /** What the server protects beyond plain storage (object lock, versioning), detected once. */
  Set<Protection> protections();

  @Override
  void close();
}
