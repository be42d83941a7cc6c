package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.Ids;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  final TestPortal portal = new TestPortal();

  @Test
  void everyStepIsChainedAndAnEditIsFound() {
    Application app = portal.accepted(portal.promised);
    assertEquals(java.util.List.of(AuditAction.CREATE, AuditAction.UPLOAD, AuditAction.UPLOAD,
        AuditAction.SUBMIT, AuditAction.ACCEPTANCE_ACCEPT), portal.auditActions(app));
    portal.audit.linkPending();
    assertNull(portal.audit.firstBrokenEntry(), "intact");
    AuditEntry edited = portal.auditRepo.entries.get(2);
    Ids.set(edited, "detail", "改过的记录");
    assertEquals(edited.id(), portal.audit.firstBrokenEntry());
  }

  @Test
  void aRemovedEntryBreaksTheNextOne() {
    portal.accepted(portal.promised);
    portal.audit.linkPending();
    AuditEntry next = portal.auditRepo.entries.get(2);
    portal.auditRepo.entries.remove(1);
    assertEquals(next.id(), portal.audit.firstBrokenEntry());
  }

  @Test
  void aLineIsWrittenUnlinkedAndLinkedAfterTheLinesLinkedBeforeIt() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    AuditEntry created = portal.auditRepo.entries.get(0);
    assertFalse(created.linked(), "written in the use case's transaction, linked later");
    assertNull(created.chainPosition());
    assertEquals(1, portal.audit.linkPending());
    assertEquals(1L, created.chainPosition());
    assertEquals(AuditEntry.GENESIS, created.prevHash());

    AuditEntry next = portal.audit.record(actor(portal.applicant), app.id(), AuditAction.LOGIN,
        null, null, "next");
    // A line with an earlier id that commits later than the lines linked already: ids are
    // handed out before commit. It takes the next place in the chain, not its id's.
    AuditEntry late = portal.audit.record(actor(portal.applicant), app.id(), AuditAction.LOGIN,
        null, null, "late");
    Ids.set(late, "id", 0L);
    assertEquals(2, portal.audit.linkPending());
    assertEquals(0, portal.audit.linkPending(), "nothing left");
    assertEquals(2L, next.chainPosition());
    assertEquals(3L, late.chainPosition());
    assertEquals(next.hash(), late.prevHash());
    assertNull(portal.audit.firstBrokenEntry());
  }

  @Test
  void aBacklogIsLinkedOneBatchAtATimeAndLinkedLinesStayAsTheyAre() {
    for (int i = 0; i < AuditTrail.LINK_BATCH + 3; i++) {
      portal.audit.record(actor(portal.applicant), null, AuditAction.LOGIN, null, null, "#" + i);
    }
    assertEquals(AuditTrail.LINK_BATCH, portal.audit.linkPending());
    assertEquals(3, portal.audit.linkPending());
    AuditEntry first = portal.auditRepo.entries.get(0);
    assertThrows(IllegalStateException.class, () -> first.linkAfter(99, AuditEntry.GENESIS));
    assertEquals(1L, first.chainPosition());
    assertNull(portal.audit.firstBrokenEntry());
  }

  @Test
  void entriesSayWhoAndWhichTransition() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    portal.applications.submit(actor(portal.applicant), app.id());
    AuditEntry submit = portal.audit.forApplication(app.id()).get(1);
    assertEquals("applicant", submit.actor());
    assertEquals("DRAFT", submit.fromStatus());
    assertEquals("SUBMITTED", submit.toStatus());
  }
}
