package cn.wssp.storage;

/** Anything that went wrong talking to the object store, with a message a person can act on. */
public class StorageException extends Exception {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
