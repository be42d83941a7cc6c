package cn.wssp.storage;

/** Protections a server may offer for issued documents (§7: immutable, retained). */
public enum Protection {
  VERSIONING,
  OBJECT_LOCK
}
