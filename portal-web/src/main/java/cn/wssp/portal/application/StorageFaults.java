package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.storage.StorageException;
import java.util.logging.Logger;

/**
 * The object store unreachable (its process died, the network is down): the user is told to try
 * again later and that nothing saved is lost; the details, which name endpoints and keys, go to
 * the log only.
 */
final class StorageFaults {
  static final String UNAVAILABLE = "文件存储暂时不可用，请稍后重试；已保存的内容不受影响。";
  private static final Logger LOG = Logger.getLogger(StorageFaults.class.getName());

  private StorageFaults() {}

  static DomainException unavailable(StorageException e) {
    LOG.warning("文件存储不可用 (object store unavailable): " + e.getMessage());
    return new DomainException("STORAGE_UNAVAILABLE", 503, UNAVAILABLE).inEnglish("File storage"
        + " is unavailable at the moment; please try again shortly. Nothing already saved is lost.");
  }
}
