package cn.wssp.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * A step of its own transaction, for use cases that must do slow work between two short
 * transactions (a pre-review reads files for seconds; no database connection waits for it).
 */
@ApplicationScoped
public class InTransaction {
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T call(Supplier<T> step) {
    return step.get();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable step) {
    step.run();
  }
}
