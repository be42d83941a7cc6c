package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialSpec;
import cn.wssp.portal.domain.storage.StorageQuota;
import org.junit.jupiter.api.Test;

/** Per-enterprise storage quota: all its applications' materials together, replacements free. */
class StorageQuotaTest {
  private final TestPortal portal = new TestPortal();

  @Test
  void anUploadBeyondTheEnterprisesQuotaIsRefusedWithWhatToDo() {
    portal.applications.quota = new StorageQuota(10);
    Application first = portal.applications.create(TestPortal.actor(portal.applicant), "SCJG-0001");
    portal.uploaded(first, "application-form"); // 3 bytes
    Application second = portal.applications.create(TestPortal.actor(portal.applicant), "SCJG-0001");
    portal.uploaded(second, "application-form"); // 3 more: 6 of 10 used
    MaterialSpec spec = portal.promised.materials().get(0);

    assertDoesNotThrow(() -> portal.applications.checkUpload(
        TestPortal.actor(portal.applicant), second.id(), spec.code(), "a.pdf", 4));
    DomainException refused = assertThrows(DomainException.class, () -> portal.applications
        .checkUpload(TestPortal.actor(portal.applicant), second.id(),
            portal.promised.materials().get(1).code(), "平面图.pdf", 5));
    assertEquals("QUOTA_EXCEEDED", refused.code());
    assertEquals(413, refused.status());
    assertTrue(refused.getMessage().contains("平面图.pdf") && refused.getMessage().contains("删除"),
        refused.getMessage());
    assertTrue(refused.english().contains("\"平面图.pdf\"") && refused.english().contains("Delete"),
        refused.english());
    // Replacing a stored file frees its bytes: 6 - 3 + 7 = 10 fits.
    assertDoesNotThrow(() -> portal.applications.checkUpload(
        TestPortal.actor(portal.applicant), second.id(), spec.code(), "a.pdf", 7));
    // Another enterprise's use does not count.
    Application other = portal.applications.create(TestPortal.actor(portal.applicant2), "SCJG-0001");
    assertDoesNotThrow(() -> portal.applications.checkUpload(
        TestPortal.actor(portal.applicant2), other.id(), spec.code(), "a.pdf", 10));
  }

  @Test
  void zeroMeansNoQuotaAndSizesReadWell() {
    assertDoesNotThrow(() -> StorageQuota.unlimited().check(1L << 40, 0, 1L << 40, "x", "y"));
    DomainException e = assertThrows(DomainException.class,
        () -> new StorageQuota(2L << 30).check((3L << 29), 0, 600L << 20, "x.pdf", "章程"));
    assertTrue(e.getMessage().contains("1.5 GB") && e.getMessage().contains("2.0 GB")
        && e.getMessage().contains("600.0 MB"), e.getMessage());
  }
}
