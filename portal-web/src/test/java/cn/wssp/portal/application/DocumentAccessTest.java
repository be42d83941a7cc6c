package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import org.junit.jupiter.api.Test;

class DocumentAccessTest {
  final TestPortal portal = new TestPortal();
  final Application app = portal.accepted(portal.promised);
  final Document notice = portal.documentRepo.ofApplication(app.id()).get(0);

  @Test
  void theOwnerAndTheStaffWhoMaySeeDownload() {
    byte[] pdf = portal.access.download(actor(portal.applicant), notice.id()).bytes();
    assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertNotNull(portal.access.download(actor(portal.chiefB), notice.id()));
    assertNotNull(portal.access.download(actor(portal.supervisor), notice.id()));
  }

  @Test
  void othersGetNotFoundAsIfItDidNotExist() {
    DomainException foreign = assertThrows(DomainException.class,
        () -> portal.access.download(actor(portal.applicant2), notice.id()));
    DomainException missing = assertThrows(DomainException.class,
        () -> portal.access.download(actor(portal.applicant2), 999_999L));
    assertEquals(404, foreign.status());
    assertEquals(missing.getMessage(), foreign.getMessage(), "the same answer: nothing leaks");
    assertEquals(404, assertThrows(DomainException.class,
        () -> portal.access.download(actor(portal.chiefB2), notice.id())).status());
  }

  @Test
  void changedBytesAreRefusedNotServed() {
    portal.objects.objects.get(notice.objectKey())[10] ^= 1;
    DomainException e = assertThrows(DomainException.class,
        () -> portal.access.download(actor(portal.applicant), notice.id()));
    assertEquals(503, e.status());
  }

  @Test
  void materialsAreReadCheckedAndOnlyByThoseWhoMaySee() {
    var content = portal.access.material(actor(portal.clerk), app.id(), "application-form");
    assertEquals("application-form.pdf", content.fileName());
    assertEquals(404, assertThrows(DomainException.class,
        () -> portal.access.material(actor(portal.applicant2), app.id(), "application-form")).status());
    assertEquals(404, assertThrows(DomainException.class,
        () -> portal.access.material(actor(portal.applicant), app.id(), "passport")).status());
  }
}
