package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.ThrottleRule;
import cn.wssp.portal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleRuleTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
  final ThrottleRule rule = ThrottleRule.account(Duration.ofMinutes(15));
  final AttemptCounter counter = new AttemptCounter("user:applicant2");

  Duration fail() {
    return rule.recordFailure(counter, clock.instant());
  }

  @Test
  void fiveFreeFailuresThenDoublingDelaysThenALockAtTheTenth() {
    for (int i = 1; i <= 5; i++) {
      assertEquals(Duration.ZERO, fail(), "failure " + i + " is free");
      assertEquals(Duration.ZERO, rule.waitBefore(counter, clock.instant()));
    }
    long[] delays = {1, 2, 4, 8};
    for (long d : delays) {
      assertEquals(Duration.ofSeconds(d), fail());
      assertEquals(Duration.ofSeconds(d), rule.waitBefore(counter, clock.instant()));
      assertFalse(rule.locked(counter, clock.instant()), "a delay, not a lock");
      clock.advance(Duration.ofSeconds(d - 1));
      assertEquals(Duration.ofSeconds(1), rule.waitBefore(counter, clock.instant()), "still waiting");
      clock.advance(Duration.ofSeconds(1));
      assertEquals(Duration.ZERO, rule.waitBefore(counter, clock.instant()), "may try again");
    }
    assertEquals(Duration.ofMinutes(15), fail(), "the tenth failure locks");
    assertEquals(10, counter.failures());
    assertTrue(rule.locked(counter, clock.instant()));
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertTrue(rule.locked(counter, clock.instant()));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(rule.locked(counter, clock.instant()));
    assertEquals(Duration.ZERO, rule.waitBefore(counter, clock.instant()));
    assertEquals(Duration.ZERO, fail(), "after the lock, counting starts again");
    assertEquals(1, counter.failures());
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    for (int i = 0; i < 5; i++) {
      fail();
    }
    clock.advance(Duration.ofMinutes(15));
    assertEquals(Duration.ZERO, fail(), "a new window: the first failure of it");
    assertEquals(1, counter.failures());
  }

  @Test
  void delaysAreCappedAndTheOtherRulesAreLooser() {
    ThrottleRule address = ThrottleRule.loginAddress(Duration.ofMinutes(15));
    assertEquals(Duration.ZERO, address.delayAfter(20));
    assertEquals(Duration.ofSeconds(1), address.delayAfter(21));
    assertEquals(Duration.ofSeconds(30), address.delayAfter(49), "capped at 30 s");
    assertEquals(Duration.ofMinutes(15), address.delayAfter(50));
    ThrottleRule verification = ThrottleRule.verification(Duration.ofMinutes(15));
    assertEquals(Duration.ZERO, verification.delayAfter(10));
    assertEquals(Duration.ofSeconds(1), verification.delayAfter(11));
    assertEquals(Duration.ofSeconds(16), verification.delayAfter(15));
    assertEquals(Duration.ofSeconds(30), verification.delayAfter(29));
    assertEquals(Duration.ofMinutes(15), verification.delayAfter(30));
    assertThrows(IllegalArgumentException.class, () -> new ThrottleRule(5, 5, Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1)));
  }

  Duration countUpFront() {
    return rule.countUpFront(counter, clock.instant());
  }

  @Test
  void aFailureCountedUpFrontIsSeenAtOnceAndKeptWhenTheCheckFails() {
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, countUpFront());
    }
    assertEquals(Duration.ofSeconds(1), countUpFront(), "the sixth, still being checked, already delays");
    assertEquals(6, counter.failures());
    assertEquals(6, counter.pending());
    assertTrue(rule.mayLift(counter), "checks in flight may still turn out right");
    for (int i = 0; i < 6; i++) {
      rule.keep(counter);
    }
    assertEquals(6, counter.failures());
    assertEquals(0, counter.pending());
    assertFalse(rule.mayLift(counter));
    assertEquals(Duration.ofSeconds(1), rule.waitBefore(counter, clock.instant()));
    rule.keep(counter);
    assertEquals(0, counter.pending(), "never below zero");
  }

  @Test
  void aRightCheckTakesItsFailureBackWithTheWaitItCaused() {
    for (int i = 0; i < 5; i++) {
      rule.recordFailure(counter, clock.instant());
    }
    countUpFront();
    assertEquals(Duration.ofSeconds(1), rule.waitBefore(counter, clock.instant()));
    rule.takeBack(counter, clock.instant());
    assertEquals(5, counter.failures());
    assertEquals(0, counter.pending());
    assertEquals(Duration.ZERO, rule.waitBefore(counter, clock.instant()), "five failures are free");
    assertFalse(rule.mayClear(counter), "the five kept failures stay");
  }

  @Test
  void takingBackTheFailureThatLockedLeavesOnlyTheDelayOfTheOthers() {
    for (int i = 0; i < 9; i++) {
      rule.recordFailure(counter, clock.instant());
      clock.advance(rule.waitBefore(counter, clock.instant()));
    }
    assertEquals(Duration.ofMinutes(15), countUpFront(), "the tenth locks, even while being checked");
    assertTrue(rule.locked(counter, clock.instant()));
    rule.takeBack(counter, clock.instant());
    assertFalse(rule.locked(counter, clock.instant()), "not a lock any more");
    assertEquals(Duration.ofSeconds(8), rule.waitBefore(counter, clock.instant()),
        "at most the wait of the ninth failure, counted from now");
  }

  @Test
  void aResetForgetsTheSettledFailuresButNotThoseStillBeingChecked() {
    for (int i = 0; i < 6; i++) {
      rule.recordFailure(counter, clock.instant());
    }
    countUpFront(); // another attempt, in flight
    countUpFront(); // this one, right
    rule.reset(counter, clock.instant());
    assertEquals(1, counter.failures(), "the other one in flight");
    assertEquals(1, counter.pending());
    assertEquals(Duration.ZERO, rule.waitBefore(counter, clock.instant()));
    assertFalse(rule.mayClear(counter));
    rule.reset(counter, clock.instant()); // it was right too
    assertEquals(0, counter.failures());
    assertTrue(rule.mayClear(counter));
  }

  @Test
  void timesAreKeptToTheMillisecondAsTheDatabaseReturnsThem() {
    clock.advance(Duration.ofNanos(1_234_567));
    for (int i = 0; i < 6; i++) {
      countUpFront();
    }
    assertEquals(0, counter.windowStart().getNano() % 1_000_000, counter.windowStart().toString());
    assertEquals(0, counter.lockedUntil().getNano() % 1_000_000, counter.lockedUntil().toString());
  }
}
