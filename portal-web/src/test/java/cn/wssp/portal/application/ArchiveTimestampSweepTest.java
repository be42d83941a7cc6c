package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.InMemoryDocuments;
import cn.wssp.portal.testing.InMemoryObjectStoreSha;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PAdES B-LTA renewal: the sweep extends exactly the documents whose newest timestamp expires
 * within the horizon, each into a new object (the old one kept and recorded), audited.
 */
class ArchiveTimestampSweepTest {
  private final TestPortal portal = new TestPortal();

  private Document decisionOf(Application app) {
    return portal.documentRepo.latest(app.id(), DocumentKind.APPROVAL_DECISION).orElseThrow();
  }

  @Test
  void extendsOnlyDocumentsWithinTheHorizon() {
    Instant now = Instant.now(portal.clock);
    portal.seals.renewalDue = now.plus(Duration.ofDays(100)); // inside 365 days
    Application soon = portal.issued(portal.promised);
    portal.seals.renewalDue = now.plus(Duration.ofDays(5 * 365)); // outside
    Application later = portal.issued(portal.promised);
    Document due = decisionOf(soon);
    Document notDue = decisionOf(later);
    String oldKey = due.objectKey();
    String oldSha = due.sha256();
    byte[] oldPdf = portal.objects.objects.get(oldKey).clone();
    String laterKey = notDue.objectKey();

    int extended = portal.archiveSweep.run();

    // The decision and the acceptance notice of the first application, nothing of the second.
    assertEquals(2, extended);
    assertEquals(2, portal.seals.extended.size());
    // Each attempt's key has a random part: a retry after a crash never meets the locked object
    // its dead attempt left.
    assertTrue(due.objectKey().matches("documents/" + java.util.regex.Pattern.quote(due.number())
        + "/r1-lta1-[A-Z0-9]+\\.pdf"), due.objectKey());
    assertNotEquals(oldSha, due.sha256());
    assertEquals(InMemoryObjectStoreSha.of(portal.objects.objects.get(due.objectKey())),
        due.sha256());
    assertEquals(1, due.archiveExtensions());
    assertEquals(portal.seals.renewalDue, due.archiveDue());
    assertArrayEquals(oldPdf, portal.objects.objects.get(oldKey), "the issued version is kept");
    assertTrue(portal.documentRepo.versions.contains(new InMemoryDocuments.Version(due.id(),
        oldKey, oldSha, oldPdf.length, now, "ARCHIVE_TIMESTAMP")));
    assertEquals(laterKey, notDue.objectKey());
    assertEquals(0, notDue.archiveExtensions());
    assertTrue(portal.auditActions(soon).contains(AuditAction.ARCHIVE_TIMESTAMPED));
    assertTrue(!portal.auditActions(later).contains(AuditAction.ARCHIVE_TIMESTAMPED));
    // The extended version reads back against its new hash.
    assertEquals(oldPdf.length + cn.wssp.portal.testing.RecordingSeals.ARCHIVE_MARK.length,
        portal.issuer.read(due).length);

    // The copy downloaded before the renewal still verifies as registered, and so does the new
    // one; bytes the portal never issued under that number do not.
    assertTrue(portal.verification.verifyUpload(oldPdf).registered(), "the earlier version");
    assertTrue(portal.verification.verifyUpload(portal.issuer.read(due)).registered(), "the new one");
    byte[] altered = oldPdf.clone();
    altered[altered.length - 20] ^= 1;
    assertTrue(!portal.verification.verifyUpload(altered).registered(), "altered bytes");

    assertEquals(0, portal.archiveSweep.run(), "renewed documents are not due again");
  }

  @Test
  void theHorizonIsConfigurable() {
    Instant now = Instant.now(portal.clock);
    portal.seals.renewalDue = now.plus(Duration.ofDays(500));
    Application app = portal.issued(portal.promised);
    assertEquals(0, portal.archiveSweep.run());

    portal.archiveSweep.policy = new ArchivePolicy(Duration.ofDays(600));
    portal.seals.renewalDue = now.plus(Duration.ofDays(5 * 365));
    assertEquals(2, portal.archiveSweep.run());
    assertEquals(1, decisionOf(app).archiveExtensions());
  }

  @Test
  void movingTheClockBringsDocumentsIntoTheHorizon() {
    Instant now = Instant.now(portal.clock);
    portal.seals.renewalDue = now.plus(Duration.ofDays(400));
    Application app = portal.issued(portal.promised);
    assertEquals(0, portal.archiveSweep.run());
    portal.clock.advance(Duration.ofDays(40));
    portal.seals.renewalDue = now.plus(Duration.ofDays(5 * 365));
    assertEquals(2, portal.archiveSweep.run());
    assertEquals(List.of(AuditAction.ARCHIVE_TIMESTAMPED, AuditAction.ARCHIVE_TIMESTAMPED),
        portal.auditActions(app).stream()
            .filter(a -> a == AuditAction.ARCHIVE_TIMESTAMPED).toList());
  }

  @Test
  void aTimestampThatWouldExpireNoLaterGainsNothing() {
    Instant now = Instant.now(portal.clock);
    portal.seals.renewalDue = now.plus(Duration.ofDays(100));
    Application app = portal.issued(portal.promised);
    // The unit that would timestamp now has the very certificate the documents rely on.
    portal.seals.tsaExpiry = now.plus(Duration.ofDays(100));

    assertEquals(0, portal.archiveSweep.run());
    assertEquals(0, portal.seals.extended.size());
    assertEquals(0, decisionOf(app).archiveExtensions());

    portal.seals.tsaExpiry = now.plus(Duration.ofDays(5 * 365)); // renewed by the CA
    portal.seals.renewalDue = portal.seals.tsaExpiry;
    assertEquals(2, portal.archiveSweep.run());
  }

  @Test
  void theSweepRenewsATimestampUnitThatEndsWithinTheHorizonThenExtends() {
    Instant now = Instant.now(portal.clock);
    portal.seals.renewalDue = now.plus(Duration.ofDays(100));
    Application app = portal.issued(portal.promised);
    portal.seals.tsaExpiry = now.plus(Duration.ofDays(100));
    portal.seals.tsaRenewalReach = now.plus(Duration.ofDays(5 * 365));

    assertEquals(2, portal.archiveSweep.run(), "renewed the unit, then extended both documents");
    assertEquals(1, portal.seals.tsaRenewals);
    assertEquals(1, decisionOf(app).archiveExtensions());
    portal.archiveSweep.run();
    assertEquals(1, portal.seals.tsaRenewals, "renewed once, not on every sweep");
  }

  @Test
  void theSupersededVersionIsNoOrphanForTheStorageReconciliation() {
    Instant now = Instant.now(portal.clock);
    portal.seals.renewalDue = now.plus(Duration.ofDays(100));
    Application app = portal.issued(portal.promised);
    String issuedKey = decisionOf(app).objectKey();
    portal.seals.renewalDue = now.plus(Duration.ofDays(5 * 365));
    assertEquals(2, portal.archiveSweep.run());

    StorageReconciler reconciler = new StorageReconciler();
    portal.objects.clock = portal.clock;
    reconciler.objects = portal.objects;
    reconciler.references = new cn.wssp.portal.testing.InMemoryObjectReferences(
        portal.applicationRepo, portal.documentRepo);
    reconciler.runs = new cn.wssp.portal.testing.InMemoryStorageReconciliations();
    reconciler.audit = portal.audit;
    reconciler.policy = new cn.wssp.portal.domain.storage.StoragePolicy(Duration.ofMinutes(30),
        Duration.ofDays(7), Duration.ofMinutes(15));
    reconciler.clock = portal.clock;
    reconciler.self = reconciler;
    portal.clock.advance(Duration.ofHours(1));

    var run = reconciler.reconcileNow(TestPortal.actor(portal.admin));
    assertEquals(List.of(), run.orphanKeys());
    assertTrue(portal.objects.objects.containsKey(issuedKey), "the issued version is kept");
  }
}
