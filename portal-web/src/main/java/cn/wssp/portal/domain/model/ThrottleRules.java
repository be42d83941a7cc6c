package cn.wssp.portal.domain.model;

import java.time.Duration;

/**
 * The three throttles of the portal: per account, per address on login, per address on
 * verification; and {@code patience}: how long a refusal caused only by attempts of the same
 * keys still being checked waits for them to settle (they may have been right) before it stands.
 */
public record ThrottleRules(ThrottleRule account, ThrottleRule loginAddress,
    ThrottleRule verification, Duration patience) {
  public static final Duration STANDARD_LOCK = Duration.ofMinutes(15);

  /**
   * Ten seconds: 16 parallel password checks (PBKDF2) of one account fit in it on two busy
   * cores; slower machines or bigger offices behind one address set more.
   */
  public static final Duration STANDARD_PATIENCE = Duration.ofSeconds(10);

  public static ThrottleRules standard() {
    return withLock(STANDARD_LOCK);
  }

  /** The standard rules with another lock duration (setting portal.throttle.lock-seconds). */
  public static ThrottleRules withLock(Duration lockFor) {
    return new ThrottleRules(ThrottleRule.account(lockFor), ThrottleRule.loginAddress(lockFor),
        ThrottleRule.verification(lockFor), STANDARD_PATIENCE);
  }

  /** The same rules, waiting so long for attempts still being checked (portal.throttle.patience-seconds). */
  public ThrottleRules withPatience(Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("patience " + wait);
    }
    return new ThrottleRules(account, loginAddress, verification, wait);
  }
}
