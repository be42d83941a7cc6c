package cn.wssp.portal.domain.storage;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One reconciliation run between the records and the object store, as the admin sees it. */
@Entity
@Table(name = "storage_reconciliation")
public class StorageReconciliation {
  /** At most this many keys of each kind are kept with a run; the counts are always whole. */
  public static final int KEYS_KEPT = 40;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** "system" for the background sweep, else the administrator. */
  private String actor;

  @Column(name = "object_count")
  private long objects;

  @Column(name = "referenced_count")
  private long referenced;

  @Column(name = "orphan_count")
  private long orphans;

  @Column(name = "missing_count")
  private long missing;

  @Column(name = "quarantined_count")
  private long quarantined;

  @Column(name = "purged_count")
  private long purged;

  @Column(name = "restored_count")
  private long restored;

  @Column(name = "orphan_keys")
  private String orphanKeys;

  @Column(name = "missing_keys")
  private String missingKeys;

  protected StorageReconciliation() {}

  public StorageReconciliation(Instant finishedAt, String actor, long objects, long referenced,
      List<String> orphanKeys, List<String> missingKeys, long quarantined, long purged,
      long restored) {
    // milliseconds: what every database keeps, so the answer of the run and its record agree
    this.finishedAt = finishedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    this.actor = actor;
    this.objects = objects;
    this.referenced = referenced;
    this.orphans = orphanKeys.size();
    this.missing = missingKeys.size();
    this.quarantined = quarantined;
    this.purged = purged;
    this.restored = restored;
    this.orphanKeys = join(orphanKeys);
    this.missingKeys = join(missingKeys);
  }

  private static String join(List<String> keys) {
    return String.join("\n", keys.subList(0, Math.min(keys.size(), KEYS_KEPT)));
  }

  private static List<String> split(String keys) {
    return keys == null || keys.isEmpty() ? List.of() : Arrays.asList(keys.split("\n"));
  }

  /** True when no record points at an absent object. */
  public boolean consistent() {
    return missing == 0;
  }

  public Long id() { return id; }
  public Instant finishedAt() { return finishedAt; }
  public String actor() { return actor; }
  public long objects() { return objects; }
  public long referenced() { return referenced; }
  public long orphans() { return orphans; }
  public long missing() { return missing; }
  public long quarantined() { return quarantined; }
  public long purged() { return purged; }
  public long restored() { return restored; }
  public List<String> orphanKeys() { return split(orphanKeys); }
  public List<String> missingKeys() { return split(missingKeys); }
}
