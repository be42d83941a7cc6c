package cn.wssp.storage;

/**
 * The stream given for an object was shorter or longer than the length declared with it: the
 * sender's fault, not the store's. Nothing was stored.
 */
public class LengthMismatchException extends StorageException {
  private final long declared;

  public LengthMismatchException(String key, long declared, String actual) {
    super("对象 " + key + " 的长度与声明不符：声明 " + declared + "，实际 " + actual);
    this.declared = declared;
  }

  public long declared() {
    return declared;
  }
}
