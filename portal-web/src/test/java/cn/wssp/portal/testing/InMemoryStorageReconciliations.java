package cn.wssp.portal.testing;

import cn.wssp.portal.domain.storage.StorageReconciliation;
import cn.wssp.portal.domain.storage.StorageReconciliationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class InMemoryStorageReconciliations implements StorageReconciliationRepository {
  public final List<StorageReconciliation> runs = new ArrayList<>();

  @Override
  public StorageReconciliation add(StorageReconciliation run) {
    runs.add(Ids.assign(run));
    return run;
  }

  @Override
  public Optional<StorageReconciliation> last() {
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }
}
