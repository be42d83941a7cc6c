package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How many pooled connections a request takes, counted by PostgreSQL: every connection
 * EclipseLink takes from the pool and gives back is a transaction there, even for a single
 * SELECT. An application's view read query by query took 25 for one poll, each waiting in the
 * pool's queue behind the requests of the moment; read in one transaction it takes 2 (the
 * bearer's account, then the view). Nothing else sees it: every answer stays right.
 *
 * <p>PostgreSQL only (H2 has no such counter). A backend reports its counts when it goes idle,
 * at most once a second, and otherwise within 10 s; the test therefore waits 11 s before each
 * reading. The counter covers the whole database, so the portal's own background (the job
 * poller, about one transaction a second) counts too: the bound leaves room for it.
 */
class ConnectionsPerRequestIT {
  static final int POLLS = 40;
  /**
   * Measured: 3 each, the background included; 16 with the transaction's own connection switched
   * off (InTransaction), 25 before reads were shared at all (an application with findings).
   */
  static final int AT_MOST_PER_POLL = 8;

  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        System.getProperty("portal.test.db.url", "").isBlank(),
        "PostgreSQL counts transactions per database; H2 has no such counter (-Ppostgres)");
    portal = RunningPortal.shared();
  }

  @Test
  void aPollOfAnApplicationTakesAFewConnectionsNotOnePerQuery() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    assertEquals(200, applicant.get("/api/v1/applications/" + id).status());

    long before = transactionsAfterTheyAreReported();
    for (int i = 0; i < POLLS; i++) {
      Api.Reply poll = applicant.get("/api/v1/applications/" + id);
      assertEquals(200, poll.status(), poll.toString());
      assertEquals(id, poll.json().getJsonNumber("id").longValue());
    }
    long taken = transactionsAfterTheyAreReported() - before;

    System.out.printf("ConnectionsPerRequestIT: %d polls took %d transactions (%.1f each)%n",
        POLLS, taken, taken / (double) POLLS);
    assertTrue(taken <= (long) POLLS * AT_MOST_PER_POLL,
        POLLS + " polls of one application took " + taken + " transactions (pooled connections)"
            + " in PostgreSQL; at most " + AT_MOST_PER_POLL + " each expected: does the view read"
            + " query by query outside one transaction again?");
  }

  /** The database's committed and rolled-back transactions, after every backend has reported. */
  private static long transactionsAfterTheyAreReported() throws Exception {
    Thread.sleep(11_000);
    try (Connection c = DriverManager.getConnection(
            System.getProperty("portal.test.db.url"), RunningPortal.dbUser(), "");
        ResultSet r = c.createStatement().executeQuery(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
      assertTrue(r.next());
      return r.getLong(1);
    }
  }
}
