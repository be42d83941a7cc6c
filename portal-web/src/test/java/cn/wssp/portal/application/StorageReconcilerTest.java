package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.domain.storage.StoragePolicy;
import cn.wssp.portal.domain.storage.StorageReconciliation;
import cn.wssp.portal.testing.InMemoryObjectReferences;
import cn.wssp.portal.testing.InMemoryStorageReconciliations;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reconciliation's decisions on in-memory records and an in-memory store. */
class StorageReconcilerTest {
  final TestPortal portal = new TestPortal();
  final InMemoryStorageReconciliations runs = new InMemoryStorageReconciliations();
  final StorageReconciler reconciler = new StorageReconciler();
  final StorageConsistencySweep sweep = new StorageConsistencySweep();
  final Actor admin = actor(portal.admin);

  StorageReconcilerTest() {
    portal.objects.clock = portal.clock;
    reconciler.objects = portal.objects;
    reconciler.references = new InMemoryObjectReferences(portal.applicationRepo, portal.documentRepo);
    reconciler.runs = runs;
    reconciler.audit = portal.audit;
    reconciler.policy = new StoragePolicy(Duration.ofMinutes(30), Duration.ofDays(7),
        Duration.ofMinutes(15));
    reconciler.clock = portal.clock;
    reconciler.self = reconciler;
    sweep.reconciler = reconciler;
  }

  void putObject(String key) throws Exception {
    byte[] b = key.getBytes();
    portal.objects.put(key, new ByteArrayInputStream(b), b.length, null);
  }

  Set<String> keys() {
    return portal.objects.objects.keySet();
  }

  @Test
  void aYoungOrphanIsReportedThenQuarantinedThenDeletedAfterTheGracePeriod() throws Exception {
    Application app = portal.issued(portal.promised); // materials and two documents referenced
    Set<String> referenced = Set.copyOf(keys());
    putObject("applications/" + app.id() + "/materials/application-form/lost");
    putObject(".health/probe");

    StorageReconciliation first = reconciler.reconcileNow(admin);
    assertEquals(referenced.size() + 1, first.objects(), "the probe is the store's, not ours");
    assertEquals(referenced.size(), first.referenced());
    assertEquals(List.of("applications/" + app.id() + "/materials/application-form/lost"),
        first.orphanKeys());
    assertEquals(0, first.quarantined(), "younger than 30 minutes: maybe an upload in flight");
    assertEquals(0, first.missing());
    assertTrue(keys().contains("applications/" + app.id() + "/materials/application-form/lost"));

    portal.clock.advance(Duration.ofMinutes(31));
    StorageReconciliation second = reconciler.reconcileNow(admin);
    assertEquals(1, second.quarantined());
    String quarantined = "quarantine/" + portal.clock.instant().toEpochMilli()
        + "/applications/" + app.id() + "/materials/application-form/lost";
    assertTrue(keys().contains(quarantined), keys().toString());
    assertFalse(keys().contains("applications/" + app.id() + "/materials/application-form/lost"));
    assertTrue(keys().containsAll(referenced), "referenced objects are never touched");

    portal.clock.advance(Duration.ofDays(6));
    assertEquals(0, reconciler.reconcileNow(admin).purged(), "still in its grace period");
    assertTrue(keys().contains(quarantined));
    portal.clock.advance(Duration.ofDays(1));
    StorageReconciliation fourth = reconciler.reconcileNow(admin);
    assertEquals(1, fourth.purged());
    assertEquals(0, fourth.orphans());
    assertFalse(keys().contains(quarantined));
    assertTrue(keys().containsAll(referenced));
  }

  @Test
  void aRecordWhoseObjectIsGoneIsReportedMissing() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    String key = portal.applications.materialFile(app.id(), "premises-layout").orElseThrow().objectKey();
    portal.objects.objects.remove(key);

    StorageReconciliation run = reconciler.reconcileNow(admin);
    assertEquals(1, run.missing());
    assertEquals(List.of(key), run.missingKeys());
    assertFalse(run.consistent());
    assertEquals(run, reconciler.lastRun(admin).orElseThrow());
    AuditEntry audited = portal.auditRepo.entries.get(portal.auditRepo.entries.size() - 1);
    assertEquals(AuditAction.STORAGE_RECONCILED, audited.action());
    assertEquals("admin", audited.actor());
    assertTrue(audited.detail().contains("缺失 1"), audited.detail());
  }

  @Test
  void aQuarantinedObjectARecordStillNeedsIsPutBack() throws Exception {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    String key = portal.applications.materialFile(app.id(), "premises-layout").orElseThrow().objectKey();
    byte[] bytes = portal.objects.objects.remove(key);
    portal.objects.objects.put("quarantine/1000/" + key, bytes); // e.g. a lost race with an upload

    StorageReconciliation run = reconciler.reconcileNow(admin);
    assertEquals(1, run.restored());
    assertEquals(0, run.missing());
    assertEquals(0, run.purged(), "long past its grace period, but needed: restored, not deleted");
    assertArrayEquals(bytes, portal.objects.objects.get(key));
    assertFalse(keys().contains("quarantine/1000/" + key));
  }

  @Test
  void onlyTheCenterAdministratorReconciles() {
    for (UserAccount u : List.of(portal.applicant, portal.clerk, portal.supervisor, portal.chiefB)) {
      DomainException e = assertThrows(DomainException.class, () -> reconciler.reconcileNow(actor(u)));
      assertEquals(403, e.status());
      e = assertThrows(DomainException.class, () -> reconciler.lastRun(actor(u)));
      assertEquals(403, e.status());
    }
    assertTrue(runs.runs.isEmpty());
  }

  @Test
  void theSweepRunsWhenTheLastRunIsOlderThanTheInterval() throws Exception {
    putObject("orphan/one");
    portal.clock.advance(Duration.ofHours(1));
    assertEquals(1, sweep.run(), "first run: the old orphan quarantined");
    assertEquals("system", runs.last().orElseThrow().actor());
    assertEquals(0, sweep.run());
    assertEquals(1, runs.runs.size(), "not due again yet");
    portal.clock.advance(Duration.ofMinutes(16));
    sweep.run();
    assertEquals(2, runs.runs.size());
    long audited = portal.auditRepo.entries.stream()
        .filter(e -> e.action() == AuditAction.STORAGE_RECONCILED).count();
    assertEquals(1, audited, "a background run that changed nothing is not audited");
  }

  @Test
  void theStoreDownAnswers503AndTheSweepWaits() {
    portal.objects.down = true;
    DomainException e = assertThrows(DomainException.class, () -> reconciler.reconcileNow(admin));
    assertEquals(503, e.status());
    assertEquals("STORAGE_UNAVAILABLE", e.code());
    assertEquals("文件存储暂时不可用，请稍后重试；已保存的内容不受影响。", e.getMessage());
    assertEquals(0, sweep.run());
    assertTrue(runs.runs.isEmpty());
  }
}
