package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.testing.Ids;
import org.junit.jupiter.api.Test;

class TrackingCodeBackfillTest {
  final TestPortal portal = new TestPortal();

  @Test
  void olderApplicationsGetATrackingCodeOnce() {
    Application old = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    Ids.set(old, "trackingCode", null); // as created before V7
    TrackingCodeBackfill backfill = new TrackingCodeBackfill();
    backfill.applications = portal.applicationRepo;
    assertEquals(1, backfill.run());
    assertNotNull(old.trackingCode());
    assertEquals(8, old.trackingCode().length());
    String code = old.trackingCode();
    assertEquals(0, backfill.run(), "once");
    assertEquals(code, old.trackingCode());
    assertTrue(old.matchesTrackingCode(code.toLowerCase()));
  }
}
