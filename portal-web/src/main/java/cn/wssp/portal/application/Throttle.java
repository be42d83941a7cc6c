package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import cn.wssp.portal.domain.model.ThrottleRule;
import cn.wssp.portal.domain.model.ThrottleRules;
import cn.wssp.portal.domain.model.TooManyAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows down password and verification-code guessing (ASVS 2.2.1) on counters shared by every
 * instance (the login_throttle table), by the rules of {@link ThrottleRules}. An attempt is
 * counted as failed up front in a short transaction, its check (a slow PBKDF2) runs with no row
 * locked, and a second short transaction settles it: parallel attempts of one key see each
 * other's failures at once, and none of them waits on another's check.
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

  @Inject
  InTransaction tx;

  /** How often such a refusal asks again meanwhile. */
  Duration poll = Duration.ofMillis(20);

  /**
   * A counter's key with the rule that applies to it; {@code resetBySuccess}: a success proves the
   * key's owner and forgets its failures (the account), not just its own.
   */
  public record Key(String id, ThrottleRule rule, boolean resetBySuccess) {}

  public Key account(String username) {
    return key("user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)),
        rules.account(), true);
  }

  public Key loginAddress(String address) {
    return key("ip:" + address, rules.loginAddress(), false);
  }

  public Key verificationAddress(String address) {
    return key("verify:" + address, rules.verification(), false);
  }

  /** 办件查询 by number and code: wrong codes counted per address, under the verification rule. */
  public Key trackingAddress(String address) {
    return key("track:" + address, rules.verification(), false);
  }

  private static Key key(String id, ThrottleRule rule, boolean resetBySuccess) {
    return new Key(id.length() > MAX_KEY ? id.substring(0, MAX_KEY) : id, rule, resetBySuccess);
  }

  /** The outcome of a failed attempt: the first key's failures, and the end of a lock on a key. */
  public record Failure(int failures, Instant lockedUntil) {
    public boolean lockStarted() {
      return lockedUntil != null;
    }
  }

  /** An attempt let in and counted as failed up front, until its check settles it. */
  public final class Ticket {
    private final List<Key> keys;
    private final String what;
    private boolean settled;

    private Ticket(List<Key> keys, String what) {
      this.keys = keys;
      this.what = what;
    }

    /** The check succeeded: the failure is taken back (the account's failures are forgotten). */
    public void succeeded() {
      settleOnce();
      tx.run(() -> takeBack(keys));
    }

    /** The check failed: the failure stays counted; says whether a key is now locked. */
    public Failure failed() {
      settleOnce();
      return tx.call(() -> keep(keys));
    }

    /** The refusal of an attempt whose failure left a key locked. */
    public TooManyAttempts lockedOut(Failure f) {
      Instant now = now();
      return refusal(what, Duration.between(now, f.lockedUntil()), f.lockedUntil(), true);
    }

    private void settleOnce() {
      if (settled) {
        throw new IllegalStateException("an attempt is settled once");
      }
      settled = true;
    }
  }

  /**
   * Lets an attempt in and counts it as failed up front, or refuses it with 429 while a key says
   * wait. A wait due to attempts of the same keys still being checked is asked again every
   * {@link #poll} for up to the rules' patience: if they were right, it is lifted (16 parallel logins
   * of one account with the right password all get in).
   *
   * @param what the attempt, for the message: "登录", "核验"
   */
  public Ticket enter(List<Key> keys, String what) {
    long deadline = System.nanoTime() + rules.patience().toNanos();
    boolean makeRows = true;
    while (true) {
      if (makeRows) { // not on every re-ask: waiting attempts should not load the database
        keys.forEach(k -> counters.createIfAbsent(k.id()));
      }
      Entry entry = tx.call(() -> countUpFront(keys));
      if (entry.letIn()) {
        return new Ticket(List.copyOf(keys), what);
      }
      Refused r = entry.refused();
      if (r != null && (!r.mayLift() || System.nanoTime() > deadline)) {
        throw refusal(what, r.delay(), r.until(), r.lock());
      }
      makeRows = r == null; // a row was cleared (a success settled its key) since it was made
      pause(); // refused but may be lifted, or a row cleared meanwhile: ask again
    }
  }

  /**
   * One guarded check: empty when the check failed (the failure stays counted), a 429 when
   * refused or when this failure left a key locked.
   */
  public <T> Optional<T> attempt(List<Key> keys, String what, Supplier<Optional<T>> check) {
    Ticket ticket = enter(keys, what);
    Optional<T> result;
    try {
      result = check.get();
    } catch (RuntimeException e) {
      ticket.failed(); // a check that broke proves nothing: the failure stays counted
      throw e;
    }
    if (result.isPresent()) {
      ticket.succeeded();
      return result;
    }
    Failure f = ticket.failed();
    if (f.lockStarted()) {
      throw ticket.lockedOut(f);
    }
    return result;
  }

  /** What the counting transaction found: let in, refused, or a row cleared meanwhile. */
  private record Entry(boolean letIn, Refused refused) {
    static final Entry LET_IN = new Entry(true, null);
    static final Entry CLEARED = new Entry(false, null);
  }

  /** {@code mayLift}: every key that says wait has failures still being checked. */
  private record Refused(Duration delay, Instant until, boolean lock, boolean mayLift) {}

  /** In a transaction: locks the keys' rows, refuses if one says wait, else counts up front. */
  private Entry countUpFront(List<Key> keys) {
    Instant now = now();
    List<AttemptCounter> locked = lockAll(keys);
    if (locked.contains(null)) {
      return Entry.CLEARED;
    }
    Duration longest = Duration.ZERO;
    boolean lock = false;
    boolean mayLift = true;
    for (int i = 0; i < keys.size(); i++) {
      ThrottleRule rule = keys.get(i).rule();
      AttemptCounter c = locked.get(i);
      Duration wait = rule.waitBefore(c, now);
      if (!wait.isZero()) {
        mayLift &= rule.mayLift(c);
      }
      if (wait.compareTo(longest) > 0) {
        longest = wait;
        lock = rule.locked(c, now);
      }
    }
    if (!longest.isZero()) {
      return new Entry(false, new Refused(longest, now.plus(longest), lock, mayLift));
    }
    for (int i = 0; i < keys.size(); i++) {
      keys.get(i).rule().countUpFront(locked.get(i), now);
      counters.save(locked.get(i));
    }
    return Entry.LET_IN;
  }

  private Failure keep(List<Key> keys) {
    Instant now = now();
    List<AttemptCounter> locked = lockAll(keys);
    Instant lockEnd = null;
    int failures = 0;
    for (int i = 0; i < keys.size(); i++) {
      ThrottleRule rule = keys.get(i).rule();
      AttemptCounter c = locked.get(i);
      if (c == null) {
        continue;
      }
      rule.keep(c);
      counters.save(c);
      if (i == 0) {
        failures = c.failures();
      }
      if (rule.locked(c, now) && (lockEnd == null || c.lockedUntil().isAfter(lockEnd))) {
        lockEnd = c.lockedUntil();
      }
    }
    return new Failure(failures, lockEnd);
  }

  private void takeBack(List<Key> keys) {
    Instant now = now();
    List<AttemptCounter> locked = lockAll(keys);
    for (int i = 0; i < keys.size(); i++) {
      Key k = keys.get(i);
      AttemptCounter c = locked.get(i);
      if (c == null) {
        continue;
      }
      if (k.resetBySuccess()) {
        k.rule().reset(c, now);
      } else {
        k.rule().takeBack(c, now);
      }
      if (k.resetBySuccess() && k.rule().mayClear(c)) {
        counters.remove(k.id());
      } else {
        counters.save(c);
      }
    }
  }

  /**
   * The keys' counters, locked in the order of their ids whatever the caller's order, so that two
   * attempts never wait on each other crosswise; returned in the caller's order, null for one
   * that is gone (cleared since its row was made sure of).
   */
  private List<AttemptCounter> lockAll(List<Key> keys) {
    List<AttemptCounter> locked = new ArrayList<>(keys.size());
    keys.forEach(k -> locked.add(null));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> keys.get(i).id()));
    for (int i : order) {
      locked.set(i, counters.lock(keys.get(i).id()).orElse(null));
    }
    return locked;
  }

  private Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }

  private void pause() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the throttle", e);
    }
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
