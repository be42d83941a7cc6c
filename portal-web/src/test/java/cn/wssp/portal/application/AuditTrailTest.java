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
    assertNull(portal.audit.firstBrokenEntry(), "intact");
    AuditEntry edited = portal.auditRepo.entries.get(2);
    Ids.set(edited, "detail", "改过的记录");
    assertEquals(edited.id(), portal.audit.firstBrokenEntry());
  }

  @Test
  void aRemovedEntryBreaksTheNextOne() {
    portal.accepted(portal.promised);
    AuditEntry next = portal.auditRepo.entries.get(2);
    portal.auditRepo.entries.remove(1);
    assertEquals(next.id(), portal.audit.firstBrokenEntry());
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
