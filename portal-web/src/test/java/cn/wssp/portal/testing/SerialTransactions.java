package cn.wssp.portal.testing;

import cn.wssp.portal.application.InTransaction;
import java.util.function.Supplier;

/**
 * Transactions of the in-memory tests run one at a time: as if each locked every row it touches,
 * which is what lets parallel attempts on the in-memory repositories stand for the database.
 */
public class SerialTransactions extends InTransaction {
  @Override
  public synchronized <T> T call(Supplier<T> step) {
    return step.get();
  }

  @Override
  public synchronized void run(Runnable step) {
    step.run();
  }
}
