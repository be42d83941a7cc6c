package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.Sweep;
import cn.wssp.portal.domain.service.TestClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API.md's test clock (PORTAL_TEST_CLOCK=true, demo data only): a CENTER_ADMIN moves the
 * portal's time and runs every time-driven sweep at once. Without the flag it does not exist
 * (404), so a real portal shows no trace of it.
 */
@ApplicationScoped
public class AdminClock {
  @Inject
  TestClock testClock;

  @Inject
  Clock clock;

  @Inject
  @Any
  Instance<Sweep> sweeps;

  @Inject
  SecurityAudit audit;

  public Instant now(Actor actor) {
    require(actor);
    return clock.instant();
  }

  public Instant advance(Actor actor, Integer days) {
    require(actor);
    if (days == null || Math.abs(days) > 3660) {
      throw DomainException.invalid("advanceDays 应为 -3660 到 3660 之间的整数（日历日）。")
          .inEnglish("advanceDays is a whole number of calendar days from -3660 to 3660.");
    }
    Instant now = testClock.advance(Duration.ofDays(days));
    audit.refused(actor, null, AuditAction.TEST_CLOCK_MOVED, "测试时钟调整 " + days + " 天，现为 " + now);
    return now;
  }

  /** Runs every sweep once, in order; answers how many things each changed. */
  public Map<String, Integer> runSweeps(Actor actor) {
    require(actor);
    Map<String, Integer> done = new LinkedHashMap<>();
    for (Sweep sweep : sweeps) {
      done.put(sweep.name(), sweep.run());
    }
    return done;
  }

  /** Without PORTAL_TEST_CLOCK the endpoints do not exist, for anyone (checked before login). */
  public void requireEnabled() {
    if (!testClock.enabled()) {
      throw new DomainException("NOT_FOUND", 404, "请求的地址不存在。")
          .inEnglish("There is nothing at this address.");
    }
  }

  private void require(Actor actor) {
    requireEnabled();
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "调整测试时钟");
  }
}
