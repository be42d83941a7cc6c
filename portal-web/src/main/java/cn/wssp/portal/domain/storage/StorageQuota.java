package cn.wssp.portal.domain.storage;

import cn.wssp.portal.domain.model.DomainException;
import java.util.Locale;

/**
 * How much an enterprise may keep in the store (materials of all its applications), configured
 * by {@code PORTAL_STORAGE_QUOTA_MB} (0: no quota). A check, not a reservation: two uploads of
 * one enterprise at the same moment may both pass and exceed it by one file.
 */
public record StorageQuota(long bytesPerEnterprise) {

  public static StorageQuota unlimited() {
    return new StorageQuota(0);
  }

  /** Whether there is a quota at all (0: none). */
  public boolean limits() {
    return bytesPerEnterprise > 0;
  }

  /**
   * Refuses an upload of {@code incoming} bytes when the enterprise uses {@code used} bytes, of
   * which {@code replaced} are the file this upload replaces (freed when it is saved).
   *
   * @throws DomainException QUOTA_EXCEEDED (413), naming the use, the quota and what to do
   */
  public void check(long used, long replaced, long incoming, String fileName, String material) {
    if (bytesPerEnterprise <= 0 || used - replaced + incoming <= bytesPerEnterprise) {
      return;
    }
    throw new DomainException("QUOTA_EXCEEDED", 413,
        "贵单位的材料存储空间已用 " + size(used) + "，共 " + size(bytesPerEnterprise) + "，文件「"
            + fileName + "」（" + size(incoming) + "）放不下，未保存；「" + material
            + "」原有文件保持不变。请删除不再需要的草稿或其中的材料后重试，或联系服务中心。")
        .inEnglish("Your enterprise uses " + size(used) + " of its " + size(bytesPerEnterprise)
            + " for materials: \"" + fileName + "\" (" + size(incoming) + ") does not fit and"
            + " was not saved; the material's earlier file is kept. Delete drafts or materials"
            + " you no longer need and try again, or contact the service center.");
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.0f KB", Math.ceil(bytes / 1024.0));
  }
}
