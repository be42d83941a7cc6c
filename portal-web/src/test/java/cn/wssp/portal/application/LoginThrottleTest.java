package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.PasswordHasher;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.TooManyAttempts;
import cn.wssp.portal.domain.model.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Accounts.login and verification by number + code on the throttle, with a test clock. */
class LoginThrottleTest {
  static final String RIGHT = "Right-2026!";
  static final String HOME = "198.51.100.7";
  final TestPortal portal = new TestPortal();
  final UserAccount owner = portal.accountRepo.add(new UserAccount("owner", "Owner",
      PasswordHasher.hash(RIGHT.toCharArray()), Set.of(Role.APPLICANT)));

  void wrong(String user, String address) {
    DomainException e = assertThrows(DomainException.class,
        () -> portal.accounts.login(user, "wrong", address));
    assertEquals("INVALID_CREDENTIALS", e.code(), e.getMessage());
    assertEquals(401, e.status());
  }

  TooManyAttempts refused(String user, String password, String address) {
    return assertThrows(TooManyAttempts.class, () -> portal.accounts.login(user, password, address));
  }

  List<AuditEntry> audit(AuditAction action) {
    return portal.auditRepo.entries.stream().filter(e -> e.action() == action).toList();
  }

  @Test
  void wrongPasswordsSlowDownThenLockEvenTheRightPasswordUntilTheLockEnds() {
    for (int i = 0; i < 5; i++) {
      wrong("owner", HOME);
    }
    wrong("owner", HOME); // the sixth: from now on the next attempt waits
    TooManyAttempts wait = refused("owner", RIGHT, HOME);
    assertEquals(429, wait.status());
    assertEquals("TOO_MANY_ATTEMPTS", wait.code());
    assertEquals(1, wait.retryAfterSeconds());
    assertTrue(wait.getMessage().contains("后再试"), wait.getMessage());
    for (long d : new long[] {1, 2, 4}) {
      portal.clock.advance(Duration.ofSeconds(d));
      wrong("owner", HOME);
    }
    portal.clock.advance(Duration.ofSeconds(8));
    TooManyAttempts lock = refused("owner", "wrong", HOME);
    assertEquals(900, lock.retryAfterSeconds(), "the tenth failure locks for 15 minutes");
    assertTrue(lock.getMessage().contains("锁定"), lock.getMessage());
    assertTrue(lock.getMessage().contains("10:15:15"), "when, in Beijing time: " + lock.getMessage());

    portal.clock.advance(Duration.ofMinutes(14));
    TooManyAttempts still = refused("owner", RIGHT, HOME);
    assertEquals(60, still.retryAfterSeconds());
    assertEquals(10, audit(AuditAction.LOGIN_FAILED).size(), "refusals are not checked, so not counted");
    assertTrue(audit(AuditAction.LOGIN_FAILED).get(9).detail().contains("锁定"));
    assertTrue(audit(AuditAction.LOGIN).isEmpty());

    portal.clock.advance(Duration.ofMinutes(1));
    assertEquals(owner, portal.accounts.login("owner", RIGHT, HOME));
    AuditEntry login = audit(AuditAction.LOGIN).get(0);
    assertEquals("owner", login.actor());
    assertTrue(login.detail().contains(HOME));
    assertFalse(portal.counterRepo.counters.containsKey("user:owner"), "a success resets the account");
  }

  @Test
  void aSuccessResetsTheAccountsCounterButNotTheAddresss() {
    for (int i = 0; i < 5; i++) {
      wrong("owner", HOME);
    }
    portal.accounts.login(" owner ", RIGHT, HOME);
    for (int i = 0; i < 5; i++) {
      wrong("Owner", HOME); // the name is keyed trimmed and in lower case
    }
    assertEquals(5, portal.counterRepo.counters.get("user:owner").failures());
    assertEquals(10, portal.counterRepo.counters.get("ip:" + HOME).failures());
  }

  @Test
  void oneAddressTryingManyAccountsIsSlowedDownAfterTwenty() {
    for (int i = 0; i < 20; i++) {
      wrong("user" + i, HOME); // unknown users are counted like real ones
    }
    wrong("someone", HOME);
    TooManyAttempts t = refused("owner", RIGHT, HOME);
    assertEquals(1, t.retryAfterSeconds());
    assertEquals(owner, portal.accounts.login("owner", RIGHT, "203.0.113.9"), "other addresses are not affected");
  }

  @Test
  void logoutRevokesTheToken() {
    Accounts.IssuedToken t = portal.accounts.issueToken(owner);
    Accounts.IssuedToken other = portal.accounts.issueToken(owner);
    assertTrue(portal.accounts.revokeToken(t.token()));
    assertTrue(portal.accounts.byToken(t.token()).isEmpty());
    assertFalse(portal.accounts.revokeToken(t.token()));
    assertEquals(owner, portal.accounts.byToken(other.token()).orElseThrow(), "only that token");
  }

  @Test
  void wrongVerificationCodesFromOneAddressAreThrottled() {
    for (int i = 0; i < 11; i++) {
      DomainException e = assertThrows(DomainException.class,
          () -> portal.verification.verifyByNumber("ZY2026000001", "WRONGCODE234", HOME));
      assertEquals(404, e.status());
    }
    TooManyAttempts t = assertThrows(TooManyAttempts.class,
        () -> portal.verification.verifyByNumber("ZY2026000001", "WRONGCODE234", HOME));
    assertEquals(1, t.retryAfterSeconds());
    assertTrue(t.getMessage().startsWith("核验"), t.getMessage());
    assertEquals(404, assertThrows(DomainException.class,
        () -> portal.verification.verifyByNumber("ZY2026000001", "x", "203.0.113.9")).status());
  }

  @Test
  void verificationCodesAreTwelveUnambiguousCharacters() {
    String code = Numbers.verificationCode();
    assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}"), code);
  }

  List<Throttle.Key> ownerKeys() {
    return List.of(portal.throttle.account("owner"), portal.throttle.loginAddress(HOME));
  }

  /** Six attempts let in and counted up front, not settled: the next one has to wait. */
  List<Throttle.Ticket> sixInFlight() {
    List<Throttle.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tickets.add(portal.throttle.enter(ownerKeys(), "登录"));
    }
    return tickets;
  }

  @Test
  void aWaitCausedByAttemptsStillBeingCheckedIsLiftedWhenTheyWereRight() throws Exception {
    List<Throttle.Ticket> inFlight = sixInFlight();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Throttle.Ticket> seventh = pool.submit(() -> portal.throttle.enter(ownerKeys(), "登录"));
      Thread.sleep(200);
      assertFalse(seventh.isDone(), "it waits for the six to settle");
      inFlight.get(0).succeeded();
      assertNotNull(seventh.get(5, TimeUnit.SECONDS), "a right password lifted the wait");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(6, portal.counterRepo.counters.get("user:owner").pending());
  }

  @Test
  void aWaitCausedByAttemptsThatTurnOutWrongIsAnsweredOnceTheySettle() throws Exception {
    List<Throttle.Ticket> inFlight = sixInFlight();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Throttle.Ticket> seventh = pool.submit(() -> portal.throttle.enter(ownerKeys(), "登录"));
      Thread.sleep(100);
      long settled = System.nanoTime();
      inFlight.forEach(Throttle.Ticket::failed);
      Exception e = assertThrows(Exception.class, () -> seventh.get(5, TimeUnit.SECONDS));
      assertInstanceOf(TooManyAttempts.class, e.getCause());
      assertTrue(System.nanoTime() - settled < TimeUnit.SECONDS.toNanos(2), "not the whole patience");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void attemptsStillBeingCheckedAreWaitedForOnlySoLong() {
    portal.throttle.rules = portal.throttle.rules.withPatience(Duration.ofMillis(300));
    sixInFlight();
    long start = System.nanoTime();
    TooManyAttempts t = assertThrows(TooManyAttempts.class,
        () -> portal.throttle.enter(ownerKeys(), "登录"));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
    assertTrue(t.getMessage().contains("后再试"), t.getMessage());
  }

  @Test
  void sixteenParallelRightLoginsOfOneAccountAllGetIn() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<UserAccount>> logins = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        logins.add(pool.submit(() -> portal.accounts.login("owner", RIGHT, HOME)));
      }
      for (Future<UserAccount> login : logins) {
        assertEquals(owner, login.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertFalse(portal.counterRepo.counters.containsKey("user:owner"), "nothing left counted");
    assertEquals(0, portal.counterRepo.counters.get("ip:" + HOME).failures());
    assertEquals(16, audit(AuditAction.LOGIN).size());
  }

  @Test
  void rightVerificationCodesAreNotCounted() {
    List<Throttle.Key> keys = List.of(portal.throttle.verificationAddress(HOME));
    for (int i = 0; i < 20; i++) {
      assertEquals(Optional.of("found"), portal.throttle.attempt(keys, "核验", () -> Optional.of("found")));
    }
    assertEquals(0, portal.counterRepo.counters.get("verify:" + HOME).failures());
  }
}
