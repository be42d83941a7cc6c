package cn.wssp.portal.domain.service;

import java.time.Duration;
import java.time.Instant;

/** The portal's clock as tests and demos move it (PORTAL_TEST_CLOCK=true only). */
public interface TestClock {
  boolean enabled();

  /** Moves the clock by this much (calendar time) and returns the new now. */
  Instant advance(Duration by);
}
