package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.AuditEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  @Test
  void eachHashCoversThePreviousOne() {
    Instant at = Instant.parse("2026-11-23T02:00:00Z");
    AuditEntry first = new AuditEntry(at, "applicant", 1L, AuditAction.SUBMIT, "DRAFT", "SUBMITTED", null,
        AuditEntry.GENESIS);
    AuditEntry second = new AuditEntry(at, "clerk", 1L, AuditAction.ACCEPTANCE_ACCEPT, "PRE_REVIEWED", "ACCEPTED",
        "ok", first.hash());
    AuditEntry forkedSecond = new AuditEntry(at, "clerk", 1L, AuditAction.ACCEPTANCE_ACCEPT, "PRE_REVIEWED", "ACCEPTED",
        "ok", AuditEntry.GENESIS);
    assertEquals(second.hash(), second.computeHash());
    assertNotEquals(second.hash(), forkedSecond.hash());
    assertEquals(64, first.hash().length());
  }
}
