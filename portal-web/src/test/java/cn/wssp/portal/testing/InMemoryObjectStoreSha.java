package cn.wssp.portal.testing;

/** SHA-256 hex, as the object store records it. */
public final class InMemoryObjectStoreSha {
  private InMemoryObjectStoreSha() {}

  public static String of(byte[] bytes) {
    return InMemoryObjectStore.sha256(bytes);
  }
}
