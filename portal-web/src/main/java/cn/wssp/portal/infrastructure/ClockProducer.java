package cn.wssp.portal.infrastructure;

import cn.wssp.portal.domain.service.TestClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's clock: China Standard Time, since legal dates are local dates in China. With
 * PORTAL_TEST_CLOCK=true (demo data only) an administrator may move it forward to walk through
 * deadlines without waiting (API.md's test clock); otherwise it is the system clock.
 */
@ApplicationScoped
public class ClockProducer implements TestClock {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final Clock clock = new OffsetClock();

  @Produces // dependent: one clock object for everyone, whose offset the test clock moves
  Clock clock() {
    return clock;
  }

  @Override
  public boolean enabled() {
    return PortalSettings.current().testClock();
  }

  @Override
  public Instant advance(Duration by) {
    if (!enabled()) {
      throw new IllegalStateException("test clock is off");
    }
    offset.accumulateAndGet(by, Duration::plus);
    return clock.instant();
  }

  /** The system clock plus the test offset (zero unless the test clock moved it). */
  private final class OffsetClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }
}
