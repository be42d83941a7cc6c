package cn.wssp.portal.domain.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The decisions of one reconciliation, from a listing of the store and the keys the records
 * reference: nothing here talks to the store or the database, so every rule is tested alone.
 *
 * <p>Quarantined objects live under {@code quarantine/<epoch millis>/<original key>}: the time of
 * quarantine is in the key, so the grace period does not depend on the server's timestamps.
 */
public final class StoreInventory {
  public static final String QUARANTINE = "quarantine/";

  /** One stored object: key and when it was last written. */
  public record Entry(String key, Instant lastModified) {}

  private final List<Entry> portalObjects = new ArrayList<>();
  private final Map<String, String> quarantinedByOriginal = new TreeMap<>();
  private final List<String> expired = new ArrayList<>();
  private final Set<String> referenced;
  private final Instant now;
  private final StoragePolicy policy;

  /**
   * @param listing every object of the store
   * @param ignoredPrefix keys of the store's own (its readiness probe), never the portal's
   */
  public StoreInventory(List<Entry> listing, String ignoredPrefix, Set<String> referenced,
      Instant now, StoragePolicy policy) {
    this.referenced = Set.copyOf(referenced);
    this.now = now;
    this.policy = policy;
    for (Entry e : listing) {
      if (e.key().startsWith(ignoredPrefix)) {
        continue;
      }
      if (e.key().startsWith(QUARANTINE)) {
        sortQuarantined(e.key());
      } else {
        portalObjects.add(e);
      }
    }
  }

  private void sortQuarantined(String key) {
    String rest = key.substring(QUARANTINE.length());
    int slash = rest.indexOf('/');
    Instant at = Instant.EPOCH; // unreadable time: old enough to go
    try {
      at = Instant.ofEpochMilli(Long.parseLong(rest.substring(0, Math.max(slash, 0))));
    } catch (NumberFormatException unreadable) {
      // not written by us; treated as long expired
    }
    if (slash >= 0) {
      quarantinedByOriginal.put(rest.substring(slash + 1), key);
    }
    if (!at.plus(policy.quarantineGrace()).isAfter(now)) {
      expired.add(key);
    }
  }

  /** Where an orphan goes when quarantined now. */
  public String quarantineKey(String key) {
    return QUARANTINE + now.toEpochMilli() + "/" + key;
  }

  /** The portal's objects (neither the probe nor quarantine). */
  public int objects() {
    return portalObjects.size();
  }

  public int referenced() {
    return referenced.size();
  }

  /** Every object no record references, young ones included, in key order. */
  public List<String> orphans() {
    return portalObjects.stream().map(Entry::key).filter(k -> !referenced.contains(k)).sorted()
        .toList();
  }

  /** Orphans old enough that no upload in flight can still claim them: to quarantine now. */
  public List<String> orphansToQuarantine() {
    return portalObjects.stream()
        .filter(e -> !referenced.contains(e.key()))
        .filter(e -> !e.lastModified().plus(policy.orphanMinAge()).isAfter(now))
        .map(Entry::key).sorted().toList();
  }

  /** Quarantined objects whose grace period is over: to delete for good. */
  public List<String> expiredQuarantine() {
    return List.copyOf(expired);
  }

  /**
   * Referenced keys the listing lacks. Candidates only: an upload may have been stored and
   * recorded after the listing was taken, so the caller checks each once more.
   */
  public List<String> missingCandidates() {
    Set<String> listed = new TreeSet<>();
    portalObjects.forEach(e -> listed.add(e.key()));
    return referenced.stream().filter(k -> !listed.contains(k)).sorted().toList();
  }

  /**
   * A copy of a missing object still in quarantine, if any: it is put back rather than deleted,
   * even after its grace period, since a record needs it.
   */
  public Optional<String> quarantinedCopyOf(String key) {
    return Optional.ofNullable(quarantinedByOriginal.get(key));
  }
}
