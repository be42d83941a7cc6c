package cn.wssp.portal.application;

import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.portal.domain.model.MaterialSpec;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import cn.wssp.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes an uploaded file from the wire to the object store and records it. The bytes are first
 * spooled to a temporary file under a hard size cap, so a 2 GB upload is refused without filling
 * memory and without touching what was saved before; the type is detected from the content.
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

  /**
   * Outside any caller's transaction: the row must be committed before the replaced object is
   * deleted.
   */
  @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
  public MaterialFile upload(Actor actor, Long applicationId, String materialCode,
      String fileName, InputStream content) {
    MaterialSpec spec = applications.checkUpload(actor, applicationId, materialCode);
    String name = cleanFileName(fileName);
    long cap = profile.uploadMaxBytes();
    Path spool = null;
    try {
      spool = Files.createTempFile("upload-", ".bin");
      long size = copyCapped(content, spool, cap);
      if (size > cap) {
        throw new DomainException("TOO_LARGE", 413, "文件「" + name + "」超过系统上限 "
            + (cap >> 20) + " MB，未保存；「" + spec.name() + "」原有文件保持不变。");
      }
      applications.checkStorageQuota(actor, applicationId, spec, name, size);
      String mediaType = preReviewer.detectType(spool, name);
      StoredObject stored;
      try (InputStream in = Files.newInputStream(spool)) {
        String key = "applications/" + applicationId + "/materials/" + materialCode + "/"
            + System.currentTimeMillis() + "-" + Numbers.verificationCode();
        stored = objects.put(key, in, size, mediaType);
      }
      // Object first, then the row, then the old object: no row ever points at a missing object.
      ApplicationService.RecordedUpload recorded;
      try {
        recorded = applications.recordUpload(actor, applicationId, materialCode, name, mediaType,
            stored.size(), stored.sha256(), stored.key());
      } catch (RuntimeException refused) {
        deleteQuietly(stored.key()); // never recorded: nobody will ask for it
        throw refused;
      }
      if (recorded.replacedKey() != null) {
        deleteQuietly(recorded.replacedKey());
      }
      return recorded.file();
    } catch (IOException e) {
      throw new DomainException("UPLOAD_FAILED", 400, "文件上传中断，请重新上传：" + e.getMessage());
    } catch (StorageException e) {
      throw StorageFaults.unavailable(e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // a temp file left behind is cleaned by the OS
        }
      }
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

  /** Copies at most cap + 1 bytes: enough to know the file is too large without reading it all. */
  static long copyCapped(InputStream in, Path target, long cap) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > cap) {
          return total;
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
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
