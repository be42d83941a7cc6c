package cn.wssp.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * A step of its own transaction, for use cases that must do slow work between two short
 * transactions (a pre-review reads files for seconds; no database connection waits for it); and
 * reads of many queries done in one ({@link #reading}).
 */
@ApplicationScoped
public class InTransaction {
  /** The persistence layer's switch; absent in the in-memory tests (one "connection" there). */
  @Inject
  OneConnection oneConnection;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T call(Supplier<T> step) {
    readThroughOwnConnection();
    return step.get();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable step) {
    readThroughOwnConnection();
    step.run();
  }

  /**
   * A read of many small queries on one connection: in the caller's transaction, or one of its
   * own. Outside a transaction every query (and every lazy load) takes a connection from the
   * pool and gives it back, and inside one EclipseLink reads the same way until the transaction
   * first writes: one poll of an application took 25 connections, each queued in the pool behind
   * the requests of the moment, as the pre-review's job threads did behind them. Here the
   * transaction reads through its own connection from the start ({@link OneConnection}).
   *
   * <p>Only here, not for every transaction: a transaction holding its connection from its first
   * read, that then records a refusal in a transaction of its own ({@code SecurityAudit}), would
   * wait for a second connection while holding one, and a burst of refused requests could empty
   * the pool. Nothing read here refuses.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T reading(Supplier<T> step) {
    readThroughOwnConnection();
    return step.get();
  }

  /** See {@link #reading}: the steps of {@link #call} and {@link #run} do not refuse either. */
  private void readThroughOwnConnection() {
    if (oneConnection != null) {
      oneConnection.forTheCurrentTransaction();
    }
  }
}
