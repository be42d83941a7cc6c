package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log under parallel writes: every use case writes its line in its own transaction,
 * with no lock on the chain, and the chainer links the lines into one chain moments later. The
 * chain must come out whole (no fork, no line left out) however the writes interleave.
 */
class AuditChainIT {
  static final int WRITERS = 16;

  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  @Test
  void parallelWritesEndUpInOneUnbrokenChain() throws Exception {
    Api supervisor = Api.login(portal, "supervisor");
    long before = supervisor.get("/api/v1/admin/audit/verify").json()
        .getJsonNumber("entries").longValue();

    List<Long> created = createInParallel(Api.login(portal, "applicant"));

    JsonObject chain = supervisor.get("/api/v1/admin/audit/verify").json();
    assertTrue(chain.getBoolean("intact"), chain.toString());
    // Each create wrote one line (CREATE); the logins and the verify wrote theirs too.
    assertTrue(chain.getJsonNumber("entries").longValue() >= before + WRITERS, chain.toString());
    for (long id : created) {
      assertEquals("CREATE", Api.login(portal, "applicant").get("/api/v1/applications/" + id
          + "/audit").structure().asJsonArray().getJsonObject(0).getString("action"));
    }
  }

  /**
   * Nobody asks for the check here: the chainer links the lines on its own within seconds.
   * PostgreSQL only: the test reads the table beside the running portal (H2's file is the
   * portal's alone).
   */
  @Test
  void theChainerLinksNewLinesWithinSecondsOnItsOwn() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(portal.dbUrl != null,
        "reads the audit table beside the portal: PostgreSQL only (-Ppostgres)");
    createInParallel(Api.login(portal, "applicant"));
    long deadline = System.nanoTime() + 10_000_000_000L;
    long unlinked;
    do {
      Thread.sleep(250);
      unlinked = unlinkedLines();
    } while (unlinked > 0 && System.nanoTime() < deadline);
    assertEquals(0, unlinked, "lines still not linked into the chain 10 s after they were written");
  }

  private static List<Long> createInParallel(Api applicant) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> ids = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        Callable<Long> create = () -> {
          start.await();
          return ApiJourneyIT.create(applicant, "SCJG-0001");
        };
        ids.add(pool.submit(create));
      }
      start.countDown();
      List<Long> out = new ArrayList<>();
      for (Future<Long> id : ids) {
        out.add(id.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long unlinkedLines() throws Exception {
    try (Connection c = DriverManager.getConnection(portal.dbUrl,
            RunningPortal.dbUser(), "");
        ResultSet r = c.createStatement().executeQuery(
            "SELECT count(*) FROM audit_entry WHERE chain_pos IS NULL")) {
      assertTrue(r.next());
      return r.getLong(1);
    }
  }
}
