package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Sweep;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Reconciles the records with the object store whenever the last run is older than the policy's interval. */
@ApplicationScoped
public class StorageConsistencySweep implements Sweep {
  private static final Logger LOG = Logger.getLogger(StorageConsistencySweep.class.getName());

  @Inject
  StorageReconciler reconciler;

  @Override
  public String name() {
    return "storageObjectsReconciled"; // objects quarantined, purged or restored
  }

  @Override
  public int run() {
    try {
      return reconciler.reconcileIfDue().map(r -> (int) (r.quarantined() + r.purged() + r.restored()))
          .orElse(0);
    } catch (StorageException e) {
      LOG.warning("文件存储核对未完成（对象存储不可用，下次巡检重试）：" + e.getMessage());
      return 0;
    }
  }
}
