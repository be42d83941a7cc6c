package cn.wssp.storage;

/** Protections a server may offer for issued documents (§7: immutable, retained). */
public enum Protection {
  VERSIONING,
  OBJECT_LOCK,
  /** Every object written encrypted by the server (SSE), checked on a probe at start. */
  ENCRYPTION_AT_REST
}
