package cn.wssp.portal.application;

import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.portal.domain.model.MaterialSpec;
import cn.wssp.prereview.ContentInspector;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.LengthMismatchException;
import cn.wssp.storage.SenderStalledException;
import cn.wssp.storage.StorageException;
import cn.wssp.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Takes an uploaded file from the wire to the object store and records it. The bytes stream
 * through a size counter and a SHA-256 straight into the store (a multipart upload when large);
 * only the first megabyte is held, to detect the type from the content. Crossing the size cap
 * fails the transfer at once with 413, and nothing saved before is touched.
 */
@ApplicationScoped
public class MaterialUploads {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(MaterialUploads.class.getName());

  @Inject
  ApplicationService applications;

  @Inject
  ObjectStore objects;

  @Inject
  PreReviewer preReviewer;

  @Inject
  PortalProfile profile;

  @jakarta.annotation.Resource
  jakarta.enterprise.concurrent.ManagedExecutorService managedThreads;

  /** Where replaced objects are deleted: the caller's thread until the container's is known. */
  java.util.concurrent.Executor deletions = Runnable::run;

  @jakarta.annotation.PostConstruct
  void deleteOnManagedThreads() {
    deletions = managedThreads;
  }

  /**
   * Outside any caller's transaction: the row must be committed before the replaced object is
   * deleted.
   */
  @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
  public MaterialFile upload(Actor actor, Long applicationId, String materialCode,
      String fileName, InputStream content) {
    return upload(actor, applicationId, materialCode, fileName, content, -1);
  }

  /**
   * With {@code declaredSize} (the file's size as the sender declared it, or -1): a file over
   * the cap or the quota is refused before a byte is read, and the store receives the file as
   * it arrives (one PUT of that length) instead of after it; a file of another length is
   * refused and nothing is kept.
   */
  @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
  public MaterialFile upload(Actor actor, Long applicationId, String materialCode,
      String fileName, InputStream content, long declaredSize) {
    String name = cleanFileName(fileName);
    long cap = profile.uploadMaxBytes();
    // A declared size within the cap is checked against the quota with the rest.
    MaterialSpec spec = applications.checkUpload(actor, applicationId, materialCode, name,
        declaredSize <= cap ? declaredSize : -1);
    if (declaredSize > cap) {
      throw tooLarge(name, cap, spec);
    }
    CappedInput in = new CappedInput(content, cap);
    StoredObject stored;
    try {
      byte[] head = in.readNBytes(ContentInspector.DETECT_BYTES);
      boolean whole = head.length < ContentInspector.DETECT_BYTES;
      String mediaType = preReviewer.detectType(head, name);
      String key = "applications/" + applicationId + "/materials/" + materialCode + "/"
          + System.currentTimeMillis() + "-" + Numbers.verificationCode();
      stored = whole
          ? objects.put(key, new ByteArrayInputStream(head),
              declaredSize >= 0 ? declaredSize : head.length, mediaType)
          : objects.put(key, new SequenceInputStream(new ByteArrayInputStream(head), in),
              declaredSize, mediaType);
      // Object first, then the row, then the old object: no row ever points at a missing object.
      ApplicationService.RecordedUpload recorded;
      try {
        // The quota for a file whose size was not checked before, and again for a large one:
        // other uploads of the enterprise may have been stored while it streamed. A refused
        // file costs a PUT and a DELETE; every accepted one saves a round trip.
        recorded = applications.recordUpload(actor, applicationId, materialCode, name,
            stored.contentType(), stored.size(), stored.sha256(), stored.key(),
            !whole || declaredSize < 0);
      } catch (RuntimeException refused) {
        deleteQuietly(stored.key()); // never recorded: nobody will ask for it
        throw refused;
      }
      if (recorded.replacedKey() != null) {
        deleteAfterResponse(recorded.replacedKey());
      }
      return recorded.file();
    } catch (IOException | StorageException e) {
      throw failure(e, in, cap, name, spec);
    }
  }

  /**
   * What went wrong, told by whose side it was: the cap (413), the sender's connection or a file
   * of another size than declared (400, try again), or the store (503). The SDK wraps a failing
   * source stream into its own exception, hence the questions to the counting stream rather than
   * to the exception.
   */
  private static RuntimeException failure(Exception e, CappedInput in, long cap, String name,
      MaterialSpec spec) {
    if (in.capCrossed()) {
      return tooLarge(name, cap, spec);
    }
    if (in.senderFailure() != null || e instanceof IOException
        || e instanceof SenderStalledException) {
      // The cause is the sender's side (connection, malformed body); its wording is for the log.
      LOG.info("上传中断：" + (in.senderFailure() != null ? in.senderFailure() : e));
      return new DomainException("UPLOAD_FAILED", 400, "文件「" + name + "」上传中断，未保存；「"
          + spec.name() + "」原有文件保持不变。请检查网络后重新上传。")
          .inEnglish("The upload of \"" + name + "\" was interrupted and nothing was saved;"
              + " the material's earlier file is kept. Check the connection and upload it again.");
    }
    if (e instanceof LengthMismatchException mismatch) {
      return new DomainException("SIZE_MISMATCH", 400, "文件「" + name + "」的实际大小与上传时声明的 "
          + mismatch.declared() + " 字节不符，未保存；「" + spec.name() + "」原有文件保持不变。请重新上传。")
          .inEnglish("\"" + name + "\" is not the size declared with it (" + mismatch.declared()
              + " bytes) and was not saved; the material's earlier file is kept. Upload it again.");
    }
    return StorageFaults.unavailable((StorageException) e);
  }

  private static DomainException tooLarge(String name, long cap, MaterialSpec spec) {
    return new DomainException("TOO_LARGE", 413, "文件「" + name + "」超过系统上限 "
        + (cap >> 20) + " MB，未保存；「" + spec.name() + "」原有文件保持不变。")
        .inEnglish("\"" + name + "\" is larger than the limit of " + (cap >> 20)
            + " MB and was not saved; the material's earlier file is kept.");
  }

  /**
   * The replaced object is no longer referenced once the row is committed: nobody waits for its
   * removal (a delete is a tenth of a small upload's time). Lost with the instance or failed, it
   * is an orphan, which the reconciliation quarantines after the in-flight age.
   */
  private void deleteAfterResponse(String key) {
    try {
      deletions.execute(() -> deleteQuietly(key));
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      deleteQuietly(key);
    }
  }

  /** A failed delete leaves an orphan, which the storage reconciliation quarantines later. */
  private void deleteQuietly(String key) {
    try {
      objects.delete(key);
    } catch (StorageException e) {
      LOG.warning("旧文件未能删除，留待文件存储核对处理：" + key + "：" + e.getMessage());
    }
  }

  /** Keeps the last path segment, drops control characters; a name is needed for the notice. */
  static String cleanFileName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
    if (name.isEmpty()) {
      return "未命名文件";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
