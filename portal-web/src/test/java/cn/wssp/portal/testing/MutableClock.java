package cn.wssp.portal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test moves by hand, in China Standard Time like the portal's. */
public class MutableClock extends Clock {
  private Instant now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(start, ZoneId.of("Asia/Shanghai"));
  }

  private MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
