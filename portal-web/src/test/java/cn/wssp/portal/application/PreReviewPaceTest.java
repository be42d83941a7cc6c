package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.wssp.portal.domain.model.Job;
import cn.wssp.portal.domain.model.JobKind;
import cn.wssp.portal.testing.InMemoryJobs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreReviewPaceTest {
  private final InMemoryJobs jobs = new InMemoryJobs();
  private final PreReviewPace pace = new PreReviewPace();

  PreReviewPaceTest() {
    pace.jobs = jobs;
  }

  private void queue(JobKind kind, long ref) {
    jobs.add(new Job(kind, ref, Instant.parse("2026-12-07T01:00:00Z")));
  }

  @Test
  void theFifthInTheQueueWaitsForFourOthersAndItself() {
    for (long ref = 1; ref <= 6; ref++) {
      queue(JobKind.PRE_REVIEW, ref);
      queue(JobKind.MAIL, ref); // other kinds of work are not pre-reviews ahead of it
    }
    assertEquals(5, jobs.waitingUpTo(JobKind.PRE_REVIEW, 5L));
    assertEquals(Duration.ofSeconds(10), pace.askAgainIn(5L)); // the first guess: 2 s each
  }

  @Test
  void theAverageFollowsThePreReviewsJudgedHere() {
    queue(JobKind.PRE_REVIEW, 1);
    queue(JobKind.PRE_REVIEW, 2);
    for (int i = 0; i < 40; i++) {
      pace.took(Duration.ofMillis(5000));
    }
    // two to go at about 5 s each (the average approaches, rounded to whole milliseconds)
    assertEquals(10_000, pace.askAgainIn(2L).toMillis(), 10);
  }

  @Test
  void twoAtOnceHalveTheWait() {
    for (long ref = 1; ref <= 6; ref++) {
      queue(JobKind.PRE_REVIEW, ref);
    }
    pace.runsAtOnce(2);
    assertEquals(Duration.ofSeconds(6), pace.askAgainIn(6L)); // 6 to go, one per second
  }

  @Test
  void runningOrFinishedAsksAgainSoonNeverAtOnce() {
    assertEquals(Duration.ofSeconds(1), pace.askAgainIn(99L)); // not waiting: half of 2 s
    assertEquals(PreReviewPace.SOONEST, PreReviewPace.askAgainIn(1, Duration.ofMillis(300)));
    assertEquals(Duration.ofMillis(2500), PreReviewPace.askAgainIn(0, Duration.ofSeconds(5)));
  }

  @Test
  void aLongQueueIsLookedAtAgainWithinHalfAMinute() {
    assertEquals(PreReviewPace.LATEST, PreReviewPace.askAgainIn(400, Duration.ofSeconds(2)));
  }
}
