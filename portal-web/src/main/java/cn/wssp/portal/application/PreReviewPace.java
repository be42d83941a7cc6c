package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.JobKind;
import cn.wssp.portal.domain.model.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a submitted application's verdict can be expected, so that a client waiting for it is told
 * when to ask again (the API's {@code Retry-After}) rather than asking every fraction of a second:
 * under load such polls were most of the requests and took the CPU the pre-review needed.
 *
 * <p>The estimate is the pre-reviews queued up to this one times the recent time one took here
 * (a moving average of this instance's, kept in memory: a hint, not a promise, and an instance
 * of a cluster that has not judged one yet assumes {@link #FIRST_GUESS}).
 */
@ApplicationScoped
public class PreReviewPace {
  static final Duration FIRST_GUESS = Duration.ofSeconds(2);
  static final Duration SOONEST = Duration.ofSeconds(1);
  static final Duration LATEST = Duration.ofSeconds(30);
  /** Weight of the newest pre-review in the average: the last ten or so count. */
  private static final double NEWEST_WEIGHT = 0.2;

  @Inject
  JobRepository jobs;

  /** Pre-reviews this instance runs at once (its job threads; told by the job runner). */
  private volatile int parallel = 1;

  private final AtomicLong meanMillis = new AtomicLong(FIRST_GUESS.toMillis());

  /** The job runner runs {@code jobs} jobs at once, pre-reviews among them. */
  public void runsAtOnce(int jobs) {
    this.parallel = Math.max(1, jobs);
  }

  /** A pre-review took {@code time} (files read, judged and the verdict written). */
  public void took(Duration time) {
    meanMillis.updateAndGet(mean -> Math.round(mean + NEWEST_WEIGHT * (time.toMillis() - mean)));
  }

  /** When to look again for the verdict of the submitted application {@code applicationId}. */
  public Duration askAgainIn(Long applicationId) {
    return askAgainIn(jobs.waitingUpTo(JobKind.PRE_REVIEW, applicationId),
        Duration.ofMillis(meanMillis.get() / parallel));
  }

  /**
   * {@code waiting} pre-reviews to go before the verdict (0: its own is running, about half of
   * one left), one done every {@code each} (the time one takes over the pre-reviews run at once);
   * never sooner than a second nor later than half a minute.
   */
  static Duration askAgainIn(long waiting, Duration each) {
    Duration expected = waiting == 0 ? each.dividedBy(2) : each.multipliedBy(waiting);
    if (expected.compareTo(SOONEST) < 0) {
      return SOONEST;
    }
    return expected.compareTo(LATEST) > 0 ? LATEST : expected;
  }
}
