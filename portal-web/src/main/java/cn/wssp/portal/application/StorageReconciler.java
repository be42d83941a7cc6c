package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.storage.ObjectReferences;
import cn.wssp.portal.domain.storage.StorageReconciliation;
import cn.wssp.portal.domain.storage.StorageReconciliationRepository;
import cn.wssp.portal.domain.storage.StoragePolicy;
import cn.wssp.portal.domain.storage.StoreInventory;
import cn.wssp.storage.ListedObject;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles the records with the object store: orphans (objects no record references, older than
 * the in-flight age) are moved to quarantine and deleted after the grace period; missing objects
 * (records whose object is absent) are put back from quarantine when a copy is there, otherwise
 * reported — to the administrator, in the log and in the health data. The listing is taken
 * before the records are read, so an upload stored and recorded in between is referenced.
 */
@ApplicationScoped
public class StorageReconciler {
  private static final Logger LOG = Logger.getLogger(StorageReconciler.class.getName());

  @Inject
  ObjectStore objects;

  @Inject
  ObjectReferences references;

  @Inject
  StorageReconciliationRepository runs;

  @Inject
  AuditTrail audit;

  @Inject
  StoragePolicy policy;

  @Inject
  Clock clock;

  /** For the transaction of {@link #record}; CDI's interceptors need a call through the proxy. */
  @Inject
  StorageReconciler self;

  /** The latest run, as GET /api/v1/admin/storage/consistency shows it (CENTER_ADMIN). */
  public Optional<StorageReconciliation> lastRun(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看文件存储一致性");
    return runs.last();
  }

  /** The latest run, for the health check and the sweep (no actor). */
  public Optional<StorageReconciliation> lastRun() {
    return runs.last();
  }

  /** An administrator's run now; the store down answers 503. */
  public StorageReconciliation reconcileNow(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "核对文件存储");
    try {
      return reconcile(actor);
    } catch (StorageException e) {
      throw StorageFaults.unavailable(e);
    }
  }

  /** The background run, when the last one is older than the policy's interval. */
  public Optional<StorageReconciliation> reconcileIfDue() throws StorageException {
    Optional<StorageReconciliation> last = runs.last();
    if (last.isPresent()
        && last.get().finishedAt().plus(policy.interval()).isAfter(Instant.now(clock))) {
      return Optional.empty();
    }
    return Optional.of(reconcile(Actor.system()));
  }

  StorageReconciliation reconcile(Actor actor) throws StorageException {
    List<StoreInventory.Entry> listing = new ArrayList<>();
    for (ListedObject o : objects.list("")) {
      listing.add(new StoreInventory.Entry(o.key(), o.lastModified()));
    }
    StoreInventory inventory = new StoreInventory(listing, ObjectStore.PROBE_PREFIX,
        references.referencedKeys(), Instant.now(clock), policy);

    Set<String> restoredFrom = new HashSet<>();
    List<String> missing = new ArrayList<>();
    for (String key : inventory.missingCandidates()) {
      if (objects.stat(key).isPresent()) {
        continue; // stored after the listing was taken
      }
      Optional<String> copy = inventory.quarantinedCopyOf(key);
      if (copy.isPresent() && restore(copy.get(), key)) {
        restoredFrom.add(copy.get());
      } else {
        missing.add(key);
      }
    }
    int quarantined = 0;
    for (String key : inventory.orphansToQuarantine()) {
      quarantined += quarantine(key, inventory.quarantineKey(key)) ? 1 : 0;
    }
    int purged = 0;
    for (String key : inventory.expiredQuarantine()) {
      if (!restoredFrom.contains(key)) {
        purged += delete(key, "隔离期满，删除") ? 1 : 0;
      }
    }
    StorageReconciliation run = new StorageReconciliation(Instant.now(clock), actor.username(),
        inventory.objects(), inventory.referenced(), inventory.orphans(), missing, quarantined,
        purged, restoredFrom.size());
    if (!missing.isEmpty()) {
      LOG.severe("文件存储核对：" + missing.size() + " 条记录的文件在对象存储中不存在："
          + run.missingKeys() + " (storage reconciliation: objects missing)");
    }
    return self.record(actor, run);
  }

  @Transactional
  public StorageReconciliation record(Actor actor, StorageReconciliation run) {
    runs.add(run);
    boolean changed = run.quarantined() + run.purged() + run.restored() > 0;
    if (actor.userId() != null || changed || !run.consistent()) {
      audit.record(actor, null, AuditAction.STORAGE_RECONCILED, null, null,
          "对象 " + run.objects() + "，被引用 " + run.referenced() + "，孤立 " + run.orphans()
              + "（隔离 " + run.quarantined() + "，期满删除 " + run.purged() + "），缺失 "
              + run.missing() + (run.restored() > 0 ? "（已从隔离区恢复 " + run.restored() + "）" : ""));
    }
    return run;
  }

  /** Copy first, delete after: an object is never in neither place. */
  private boolean quarantine(String key, String quarantineKey) {
    try {
      if (references.isReferenced(key)) {
        return false; // recorded since the records were read
      }
      objects.copy(key, quarantineKey);
      objects.delete(key);
      LOG.info("文件存储核对：孤立对象 " + key + " 已移入隔离区 " + quarantineKey);
      return true;
    } catch (StorageException | RuntimeException e) {
      LOG.log(Level.WARNING, "孤立对象 " + key + " 未能隔离，下次核对重试：" + e.getMessage());
      return false;
    }
  }

  private boolean restore(String quarantineKey, String key) {
    try {
      objects.copy(quarantineKey, key);
      objects.delete(quarantineKey);
      LOG.warning("文件存储核对：记录引用的对象 " + key + " 已从隔离区恢复");
      return true;
    } catch (StorageException e) {
      LOG.log(Level.WARNING, "对象 " + key + " 未能从隔离区恢复：" + e.getMessage());
      return false;
    }
  }

  private boolean delete(String key, String why) {
    try {
      objects.delete(key);
      LOG.info("文件存储核对：" + why + " " + key);
      return true;
    } catch (StorageException e) {
      LOG.log(Level.WARNING, "对象 " + key + " 未能删除，下次核对重试：" + e.getMessage());
      return false;
    }
  }
}
