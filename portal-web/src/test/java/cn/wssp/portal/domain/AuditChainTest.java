package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.AuditEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  /** The entry, linked as the chain's next line after {@code previousHash}. */
  private static AuditEntry linked(AuditEntry e, String previousHash) {
    e.linkAfter(1, previousHash);
    return e;
  }

  @Test
  void eachHashCoversThePreviousOne() {
    Instant at = Instant.parse("2026-11-23T02:00:00Z");
    AuditEntry first = linked(new AuditEntry(at, "applicant", 1L, AuditAction.SUBMIT, "DRAFT", "SUBMITTED", null),
        AuditEntry.GENESIS);
    AuditEntry second = linked(new AuditEntry(at, "clerk", 1L, AuditAction.ACCEPTANCE_ACCEPT, "PRE_REVIEWED", "ACCEPTED",
        "ok"), first.hash());
    AuditEntry forkedSecond = linked(new AuditEntry(at, "clerk", 1L, AuditAction.ACCEPTANCE_ACCEPT, "PRE_REVIEWED", "ACCEPTED",
        "ok"), AuditEntry.GENESIS);
    assertEquals(second.hash(), second.computeHash());
    assertNotEquals(second.hash(), forkedSecond.hash());
    assertEquals(64, first.hash().length());
  }

  /**
   * The database keeps microseconds and rounds: 02:00:00.125999700 would come back as .126000 and
   * no longer match a hash over .125. The entry keeps whole milliseconds, which survive the trip.
   */
  @Test
  void theTimeKeptIsTheTimeHashedAfterTheDatabaseRoundsIt() {
    AuditEntry e = linked(new AuditEntry(Instant.parse("2026-11-23T02:00:00.125999700Z"), "applicant", 1L,
        AuditAction.UPLOAD, "DRAFT", "DRAFT", "application-form a.pdf"), AuditEntry.GENESIS);
    assertEquals(Instant.parse("2026-11-23T02:00:00.125Z"), e.at());
    long micros = Math.round(e.at().getNano() / 1000.0);
    Instant asStored = e.at().with(java.time.temporal.ChronoField.NANO_OF_SECOND, micros * 1000);
    assertEquals(e.at().toEpochMilli(), asStored.toEpochMilli());
    assertEquals(e.hash(), e.computeHash());
  }

  /**
   * An entry written before: hashed over .125, stored as .126000 by the database's rounding. It
   * still verifies; a time moved any further, or a changed field, does not.
   */
  @Test
  void anEntryRoundedUpByTheDatabaseBeforeTheFixStillVerifiesNothingElseDoes() throws Exception {
    AuditEntry e = linked(new AuditEntry(Instant.parse("2026-11-23T02:00:00.125Z"), "applicant", 1L,
        AuditAction.UPLOAD, "DRAFT", "DRAFT", "application-form a.pdf"), AuditEntry.GENESIS);
    java.lang.reflect.Field at = AuditEntry.class.getDeclaredField("at");
    at.setAccessible(true);
    at.set(e, Instant.parse("2026-11-23T02:00:00.126Z"));
    assertTrue(e.hashHolds(), "rounded up by one millisecond on a whole millisecond");
    at.set(e, Instant.parse("2026-11-23T02:00:00.126001Z"));
    assertFalse(e.hashHolds(), "not on a whole millisecond: not the database's rounding");
    at.set(e, Instant.parse("2026-11-23T02:00:00.127Z"));
    assertFalse(e.hashHolds(), "two milliseconds later");
    at.set(e, Instant.parse("2026-11-23T02:00:00.124Z"));
    assertFalse(e.hashHolds(), "earlier");
  }
}
