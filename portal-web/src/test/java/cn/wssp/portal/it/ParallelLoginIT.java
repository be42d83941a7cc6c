package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many logins of one account at the same moment (a load test, or one office's staff after a
 * restart): the throttle counts them without making them queue behind each other's password
 * check, lets every right one in, and slows down wrong ones with 429 — never a 500 from two first
 * attempts creating the same counter. The clients come through the trusted proxy with addresses
 * of their own, so no other test's address is counted; the wrong guesses go to a username nobody
 * has (unknown users are counted like real ones), so no other test's account is locked.
 */
class ParallelLoginIT {
  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  /** Sends all logins at once (after a common start signal); their answers in order. */
  static List<Api.Reply> inParallel(int n, Api api, String user, String password) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<Api.Reply> login = () -> {
          start.await();
          return ThrottleIT.login(api, user, password);
        };
        replies.add(pool.submit(login));
      }
      start.countDown();
      List<Api.Reply> out = new ArrayList<>();
      for (Future<Api.Reply> r : replies) {
        out.add(r.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Map<Integer, Integer> byStatus(List<Api.Reply> replies) {
    Map<Integer, Integer> counts = new TreeMap<>();
    replies.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  @Test
  void sixteenRightLoginsOfOneAccountAtOnceAllGetIn() throws Exception {
    // One login first, so that the burst is not also the portal's first PBKDF2 (not yet compiled):
    // waiting attempts are let in within 10 s, and the 16 checks must fit in that on a busy CI.
    assertEquals(200, ThrottleIT.login(Api.anonymous(portal).from("203.0.113.40"), "supervisor",
        "Demo-2026!").status());
    List<Api.Reply> replies = inParallel(16, Api.anonymous(portal).from("203.0.113.40"),
        "supervisor", "Demo-2026!");
    assertEquals(Map.of(200, 16), byStatus(replies), replies.toString());
    for (Api.Reply r : replies) {
      assertFalse(r.json().getString("token").isBlank());
    }
    assertEquals(401, ThrottleIT.login(Api.anonymous(portal).from("203.0.113.40"), "supervisor",
        "wrong").status(), "nothing of the parallel logins is left counted against the account");
    assertEquals(200, ThrottleIT.login(Api.anonymous(portal).from("203.0.113.40"), "supervisor",
        "Demo-2026!").status());
  }

  @Test
  void wrongLoginsOfOneNewAccountAtOnceAreSlowedDownNeverAServerError() throws Exception {
    String nobody = "parallel-" + System.nanoTime();
    List<Api.Reply> replies = inParallel(24, Api.anonymous(portal).from("203.0.113.41"),
        nobody, "wrong");
    Map<Integer, Integer> counts = byStatus(replies);
    assertEquals(24, counts.getOrDefault(401, 0) + counts.getOrDefault(429, 0),
        "only 401 and 429: " + counts + " " + replies);
    // The account rule: 5 free failures, then delays; the 10th locks and answers 429 itself.
    assertTrue(counts.getOrDefault(401, 0) <= 9, "at most nine wrong passwords are checked: " + counts);
    assertTrue(counts.getOrDefault(401, 0) >= 5, "the free failures are checked: " + counts);
    for (Api.Reply r : replies) {
      if (r.status() == 429) {
        ThrottleIT.assertTooMany(r);
      } else {
        assertEquals("INVALID_CREDENTIALS", r.json().getString("error"));
      }
    }
  }
}
