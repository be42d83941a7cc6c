package cn.wssp.portal.infrastructure.jobs;

import cn.wssp.portal.domain.model.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs a scheduled sweep inside a transaction. A sweep reads what is due before it hands each
 * application to a step of its own transaction (REQUIRES_NEW); outside a transaction those reads
 * would use a non-transactional EntityManager, which the container binds to the invocation the
 * periodic task captured when it was scheduled and closes after the first run, so every later
 * run failed with "operation on a closed EntityManager". A transaction bounds the EntityManager
 * to this one run instead.
 */
@ApplicationScoped
public class SweepTransaction {
  @Transactional
  public int run(Sweep sweep) {
    return sweep.run();
  }
}
