package cn.wssp.storage;

/**
 * The store gave up waiting for the bytes of an object that streamed from its sender (S3's
 * {@code RequestTimeout} or {@code IncompleteBody}): the sender's connection was too slow or
 * stopped, the store is fine. Nothing was stored.
 */
public class SenderStalledException extends StorageException {
  public SenderStalledException(String message) {
    super(message);
  }
}
