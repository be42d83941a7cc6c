package cn.wssp.portal.domain.storage;

import java.util.Optional;

/** The record of reconciliation runs; only the latest ones are kept. */
public interface StorageReconciliationRepository {
  /** Records a run and drops runs older than the latest hundred. */
  StorageReconciliation add(StorageReconciliation run);

  Optional<StorageReconciliation> last();
}
