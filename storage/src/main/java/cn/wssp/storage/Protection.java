package cn.wssp.storage;

/** Protections a server may offer for issued documents (§7: immutable, retained). */
public enum Protection {
  VERSIONING,
  OBJECT_LOCK,
  /** Every object written encrypted by the server (SSE), checked on a probe at start. */
  ENCRYPTION_AT_REST,
  /**
   * The server deletes the parts of a multipart upload never completed (a portal killed in the
   * middle of an upload) a day after it began: a bucket lifecycle rule the portal sets.
   */
  INCOMPLETE_UPLOADS_EXPIRE
}
