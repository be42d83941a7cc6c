package cn.wssp.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed attempts under one key ("user:NAME", "ip:ADDR", "verify:ADDR"): how many since the
 * window started, and until when the next attempt must wait. {@link ThrottleRule} changes it.
 */
@Entity
@Table(name = "login_throttle")
public class AttemptCounter {
  @Id
  @Column(name = "throttle_key")
  private String key;

  private int failures;

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
    windowStart = now;
    lockedUntil = null;
  }

  void failed(Instant waitUntil) {
    failures++;
    lockedUntil = waitUntil;
  }

  public String key() { return key; }
  public int failures() { return failures; }
  public Instant windowStart() { return windowStart; }
  public Instant lockedUntil() { return lockedUntil; }
}
