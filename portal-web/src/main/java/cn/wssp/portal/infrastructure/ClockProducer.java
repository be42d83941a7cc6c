package cn.wssp.portal.infrastructure;

import cn.wssp.portal.domain.service.TestClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The portal's clock: China Standard Time, since legal dates are local dates in China. With
 * PORTAL_TEST_CLOCK=true (demo data only) an administrator may move it forward to walk through
 * deadlines without waiting (API.md's test clock); otherwise it is the system clock.
 *
 * <p>The test offset lives in the database (table test_clock), so that every instance of a
 * cluster moves together; each instance re-reads it at most once a second, and at once after it
 * moved the clock itself.
 */
@ApplicationScoped
public class ClockProducer implements TestClock {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());
  private static final long REFRESH_MILLIS = 1000;

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  private final Clock clock = new OffsetClock();
  private volatile Duration offset = Duration.ZERO;
  private volatile long readAt;

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
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "UPDATE test_clock SET offset_millis = offset_millis + ? WHERE id = 1")) {
      s.setLong(1, by.toMillis());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("无法保存测试时钟：" + e.getMessage(), e);
    }
    readAt = 0;
    return clock.instant();
  }

  /** The test offset, re-read from the database when the last reading is older than a second. */
  private Duration currentOffset() {
    if (!enabled()) {
      return Duration.ZERO;
    }
    long now = System.currentTimeMillis();
    if (now - readAt >= REFRESH_MILLIS) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s = c.prepareStatement("SELECT offset_millis FROM test_clock WHERE id = 1");
          ResultSet r = s.executeQuery()) {
        offset = r.next() ? Duration.ofMillis(r.getLong(1)) : Duration.ZERO;
        readAt = now;
      } catch (SQLException | RuntimeException e) {
        // Before the migrations ran, or the database is away for a moment: keep the last value.
        LOG.log(Level.FINE, "test clock offset not readable: " + e.getMessage(), e);
      }
    }
    return offset;
  }

  /** The system clock plus the test offset (zero unless the test clock moved it). */
  private final class OffsetClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), currentOffset());
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(currentOffset());
    }
  }
}
