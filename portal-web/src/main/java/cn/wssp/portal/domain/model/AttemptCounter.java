package cn.wssp.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Failed attempts under one key ("user:NAME", "ip:ADDR", "verify:ADDR"): how many since the
 * window started, how many of them are still being checked ({@code pending}: counted before the
 * check so that parallel guesses see them at once), and until when the next attempt must wait.
 * {@link ThrottleRule} changes it.
 */
@Entity
@Table(name = "login_throttle")
public class AttemptCounter {
  @Id
  @Column(name = "throttle_key")
  private String key;

  private int failures;

  private int pending;

  @Column(name = "window_start")
  private Instant windowStart;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected AttemptCounter() {}

  public AttemptCounter(String key) {
    this.key = key;
  }

  void restart(Instant now) {
    failures = 0;
    // Attempts still in flight from the old window settle on zero (never below): a pending count
    // left by an instance that died mid-check must not outlive its window.
    pending = 0;
    windowStart = millis(now);
    lockedUntil = null;
  }

  void countedUpFront(Instant waitUntil) {
    failures++;
    pending++;
    lockedUntil = millis(waitUntil);
  }

  void kept() {
    pending = Math.max(0, pending - 1);
  }

  void takenBack() {
    failures = Math.max(0, failures - 1);
    pending = Math.max(0, pending - 1);
  }

  /** Forgets every settled failure; those still being checked stay counted. */
  void forgetSettled() {
    failures = pending;
  }

  void waitUntil(Instant until) {
    lockedUntil = millis(until);
  }

  // PostgreSQL keeps microseconds and Java nanoseconds: a time compared after a reload must be
  // the one that was stored, so only milliseconds are kept.
  private static Instant millis(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
  }

  public String key() { return key; }
  public int failures() { return failures; }
  public int pending() { return pending; }
  public Instant windowStart() { return windowStart; }
  public Instant lockedUntil() { return lockedUntil; }
}
