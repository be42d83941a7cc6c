package cn.wssp.portal.infrastructure.jobs;

import cn.wssp.portal.application.AuditTrail;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links the audit lines written since the last second into the hash chain, on every instance
 * (the chain's lock makes one of them do it at a time; the others find nothing left). Lines are
 * written unlinked by the use cases ({@link AuditTrail}); a line is thus linked about a second
 * after its transaction commits, and at the latest when the chain is checked.
 */
@ApplicationScoped
public class AuditChainer {
  private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());
  static final long EVERY_MS = 1000;

  @Resource
  ManagedScheduledExecutorService scheduler;

  @Inject
  AuditTrail trail;

  private ScheduledFuture<?> linker;

  public synchronized void start() {
    if (linker == null) {
      linker = scheduler.scheduleWithFixedDelay(this::linkAll, EVERY_MS, EVERY_MS,
          TimeUnit.MILLISECONDS);
    }
  }

  void linkAll() {
    try {
      while (trail.linkPending() == AuditTrail.LINK_BATCH) {
        // a backlog (after a restart, or a burst): the next batch at once
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "审计日志链接失败，下一秒重试：" + e.getMessage(), e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (linker != null) {
      linker.cancel(false);
    }
  }
}
