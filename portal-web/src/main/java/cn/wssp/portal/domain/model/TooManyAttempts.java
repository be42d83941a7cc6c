package cn.wssp.portal.domain.model;

import java.time.Duration;

/** Refused without being checked: too many failures; try again after {@link #retryAfterSeconds()}. */
public class TooManyAttempts extends DomainException {
  private final long retryAfterSeconds;

  public TooManyAttempts(Duration retryAfter, String message) {
    super("TOO_MANY_ATTEMPTS", 429, message);
    // Whole seconds, rounded up: a client that waits this long is let in.
    long s = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    this.retryAfterSeconds = Math.max(1, s);
  }

  /** The value of the Retry-After header. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
