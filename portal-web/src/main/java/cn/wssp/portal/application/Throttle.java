package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import cn.wssp.portal.domain.model.ThrottleRule;
import cn.wssp.portal.domain.model.ThrottleRules;
import cn.wssp.portal.domain.model.TooManyAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows down password and verification-code guessing (ASVS 2.2.1) on counters shared by every
 * instance (the login_throttle table): the rules are {@link ThrottleRules}; the counters of one
 * attempt stay locked in the database from the check to the result, so parallel guesses queue.
 */
@ApplicationScoped
public class Throttle {
  private static final int MAX_KEY = 200;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.CHINA);

  @Inject
  AttemptCounterRepository counters;

  @Inject
  ThrottleRules rules;

  @Inject
  Clock clock;

  /** A counter's key with the rule that applies to it. */
  public record Key(String id, ThrottleRule rule) {}

  public Key account(String username) {
    return key("user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)),
        rules.account());
  }

  public Key loginAddress(String address) {
    return key("ip:" + address, rules.loginAddress());
  }

  public Key verificationAddress(String address) {
    return key("verify:" + address, rules.verification());
  }

  /** 办件查询 by number and code: wrong codes counted per address, under the verification rule. */
  public Key trackingAddress(String address) {
    return key("track:" + address, rules.verification());
  }

  private static Key key(String id, ThrottleRule rule) {
    return new Key(id.length() > MAX_KEY ? id.substring(0, MAX_KEY) : id, rule);
  }

  /** The outcome of a failed attempt: the first key's failures, and the end of a lock it started. */
  public record Failure(int failures, Instant lockedUntil) {
    public boolean lockStarted() {
      return lockedUntil != null;
    }
  }

  /** The counters of one attempt, locked in the caller's transaction. */
  public final class Gate {
    private final List<Key> keys;
    private final List<AttemptCounter> locked;
    private final String what;

    private Gate(List<Key> keys, List<AttemptCounter> locked, String what) {
      this.keys = keys;
      this.locked = locked;
      this.what = what;
    }

    /** Counts the failure under every key. */
    public Failure failed() {
      Instant now = Instant.now(clock);
      Instant lockEnd = null;
      for (int i = 0; i < keys.size(); i++) {
        ThrottleRule rule = keys.get(i).rule();
        AttemptCounter c = locked.get(i);
        Duration wait = rule.recordFailure(c, now);
        counters.save(c);
        if (rule.locked(c, now)) {
          Instant end = now.plus(wait);
          lockEnd = lockEnd == null || end.isAfter(lockEnd) ? end : lockEnd;
        }
      }
      return new Failure(locked.get(0).failures(), lockEnd);
    }

    /** Forgets the failures of one key (the account's, after a successful login). */
    public void succeeded(Key key) {
      counters.remove(key.id());
    }

    /** The refusal of an attempt right after a failure that started a lock. */
    public TooManyAttempts lockedOut(Failure f) {
      Instant now = Instant.now(clock);
      return refusal(what, Duration.between(now, f.lockedUntil()), f.lockedUntil(), true);
    }
  }

  /**
   * Locks the counters of an attempt (in this order, so two attempts never wait on each other
   * crosswise) and refuses it when any of them says wait.
   *
   * @param what the attempt, for the message: "登录", "核验"
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Gate open(List<Key> keys, String what) {
    Instant now = Instant.now(clock);
    List<AttemptCounter> locked = new ArrayList<>();
    Duration longest = Duration.ZERO;
    boolean lock = false;
    for (Key k : keys) {
      AttemptCounter c = counters.lock(k.id());
      locked.add(c);
      Duration wait = k.rule().waitBefore(c, now);
      if (wait.compareTo(longest) > 0) {
        longest = wait;
        lock = k.rule().locked(c, now);
      }
    }
    if (!longest.isZero()) {
      throw refusal(what, longest, now.plus(longest), lock);
    }
    return new Gate(List.copyOf(keys), locked, what);
  }

  /**
   * One guarded check in a transaction of its own, so the failure is counted whatever the caller
   * does next: empty when the check failed (counted), a 429 when refused or when this failure
   * started a lock.
   */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW,
      dontRollbackOn = cn.wssp.portal.domain.model.DomainException.class)
  public <T> Optional<T> attempt(List<Key> keys, String what, Supplier<Optional<T>> check) {
    Gate gate = open(keys, what);
    Optional<T> result = check.get();
    if (result.isEmpty()) {
      Failure f = gate.failed();
      if (f.lockStarted()) {
        throw gate.lockedOut(f);
      }
    }
    return result;
  }

  private TooManyAttempts refusal(String what, Duration wait, Instant until, boolean lock) {
    String at = TIME.format(until.atZone(clock.getZone()));
    String message = lock
        ? what + "失败次数过多，已暂时锁定。请于 " + at + " 后再试（约 " + minutes(wait) + " 分钟）。"
        : what + "尝试过于频繁，请于 " + at + " 后再试（约 " + seconds(wait) + " 秒）。";
    return new TooManyAttempts(wait, message);
  }

  private static long seconds(Duration d) {
    return Math.max(1, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
  }

  private static long minutes(Duration d) {
    return Math.max(1, (seconds(d) + 59) / 60);
  }
}
