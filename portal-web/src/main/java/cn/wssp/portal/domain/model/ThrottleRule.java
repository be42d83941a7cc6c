package cn.wssp.portal.domain.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed attempts under one key slow the next ones down (ASVS 2.2.1): the first
 * {@code freeFailures} cost nothing; each further failure makes the next attempt wait
 * {@code firstDelay}, doubling up to {@code maxDelay}; failure number {@code lockAfter} locks the
 * key for {@code lockFor}. Failures are counted from the first one for {@code window}; after
 * that, or once a lock is over, counting starts again. Attempts made while waiting are refused
 * without being checked and are not counted.
 *
 * <p>An attempt is counted as failed before it is checked ({@link #countUpFront}), so that parallel
 * guesses of one key see each other without waiting on each other's check; the check then either
 * takes the failure back ({@link #takeBack}, {@link #reset}) or keeps it ({@link #keep}).
 */
public record ThrottleRule(int freeFailures, int lockAfter, Duration firstDelay, Duration maxDelay,
    Duration lockFor, Duration window) {

  public ThrottleRule {
    if (freeFailures < 0 || lockAfter <= freeFailures) {
      throw new IllegalArgumentException("lockAfter must be above freeFailures");
    }
  }

  /** How long an attempt must still wait now; zero when it may go ahead. */
  public Duration waitBefore(AttemptCounter c, Instant now) {
    Instant until = c.lockedUntil();
    return until != null && now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** Whether the counter's wait is a lock (not one of the short delays before it). */
  public boolean locked(AttemptCounter c, Instant now) {
    return c.failures() >= lockAfter && !waitBefore(c, now).isZero();
  }

  /**
   * Counts an attempt as failed before it is checked (pending until {@link #keep} or
   * {@link #takeBack}); returns how long the next attempt under this key must wait.
   */
  public Duration countUpFront(AttemptCounter c, Instant now) {
    if (c.windowStart() == null || (waitBefore(c, now).isZero()
        && (c.failures() >= lockAfter || !now.isBefore(c.windowStart().plus(window))))) {
      c.restart(now);
    }
    Duration wait = delayAfter(c.failures() + 1);
    c.countedUpFront(wait.isZero() ? null : now.plus(wait));
    return wait;
  }

  /** The check failed: the failure counted up front stays, no longer pending. */
  public void keep(AttemptCounter c) {
    c.kept();
  }

  /** Counts a failure known at once (counted and kept). */
  public Duration recordFailure(AttemptCounter c, Instant now) {
    Duration wait = countUpFront(c, now);
    keep(c);
    return wait;
  }

  /**
   * The check succeeded: the failure counted up front is undone, and so is the wait it may have
   * caused. The wait left is the one the remaining failures call for, counted from now at the
   * latest (when the last of them happened is not kept).
   */
  public void takeBack(AttemptCounter c, Instant now) {
    c.takenBack();
    shortenWait(c, now);
  }

  /**
   * The check succeeded and proves the key's owner (a right password): the settled failures are
   * forgotten; those of other attempts still being checked stay counted until they settle.
   */
  public void reset(AttemptCounter c, Instant now) {
    c.takenBack();
    c.forgetSettled();
    shortenWait(c, now);
  }

  /** Whether the counter says nothing any more, so that its row may go. */
  public boolean mayClear(AttemptCounter c) {
    return c.failures() == 0 && c.pending() == 0;
  }

  /**
   * Whether a refusal now may be lifted soon: failures are still being checked, and each one
   * that turns out right is taken back with its wait.
   */
  public boolean mayLift(AttemptCounter c) {
    return c.pending() > 0;
  }

  private void shortenWait(AttemptCounter c, Instant now) {
    Duration due = delayAfter(c.failures());
    Instant until = c.lockedUntil();
    if (due.isZero() || until == null) {
      c.waitUntil(null);
    } else if (until.isAfter(now.plus(due))) {
      c.waitUntil(now.plus(due));
    }
  }

  /** The wait after failure number {@code n} of a window. */
  public Duration delayAfter(int n) {
    if (n >= lockAfter) {
      return lockFor;
    }
    if (n <= freeFailures) {
      return Duration.ZERO;
    }
    Duration d = firstDelay.multipliedBy(1L << Math.min(n - freeFailures - 1, 30));
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  /** Per account ("user:NAME"): 5 free, then 1, 2, 4, 8 s, the 10th failure locks. */
  public static ThrottleRule account(Duration lockFor) {
    return new ThrottleRule(5, 10, Duration.ofSeconds(1), Duration.ofSeconds(30), lockFor,
        Duration.ofMinutes(15));
  }

  /**
   * Per client address on login ("ip:ADDR"), whatever the account: 20 free (an office behind
   * one address), then 1 s doubling up to 30 s; the 50th failure locks.
   */
  public static ThrottleRule loginAddress(Duration lockFor) {
    return new ThrottleRule(20, 50, Duration.ofSeconds(1), Duration.ofSeconds(30), lockFor,
        Duration.ofMinutes(15));
  }

  /** Per client address on verification by number and code: 10 free, then 1 s doubling up to 30 s; the 30th locks. */
  public static ThrottleRule verification(Duration lockFor) {
    return new ThrottleRule(10, 30, Duration.ofSeconds(1), Duration.ofSeconds(30), lockFor,
        Duration.ofMinutes(15));
  }
}
