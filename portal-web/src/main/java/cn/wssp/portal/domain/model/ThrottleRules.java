package cn.wssp.portal.domain.model;

import java.time.Duration;

/** The three throttles of the portal: per account, per address on login, per address on verification. */
public record ThrottleRules(ThrottleRule account, ThrottleRule loginAddress, ThrottleRule verification) {
  public static final Duration STANDARD_LOCK = Duration.ofMinutes(15);

  public static ThrottleRules standard() {
    return withLock(STANDARD_LOCK);
  }

  /** The standard rules with another lock duration (setting portal.throttle.lock-seconds). */
  public static ThrottleRules withLock(Duration lockFor) {
    return new ThrottleRules(ThrottleRule.account(lockFor), ThrottleRule.loginAddress(lockFor),
        ThrottleRule.verification(lockFor));
  }
}
