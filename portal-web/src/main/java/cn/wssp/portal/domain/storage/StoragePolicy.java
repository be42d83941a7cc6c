package cn.wssp.portal.domain.storage;

import java.time.Duration;

/**
 * How the reconciliation treats the store (configuration): an unreferenced object younger than
 * {@code orphanMinAge} may be an upload whose record is not committed yet and is left alone; a
 * quarantined object is deleted after {@code quarantineGrace}; the sweep runs every
 * {@code interval}.
 */
public record StoragePolicy(Duration orphanMinAge, Duration quarantineGrace, Duration interval) {
  public static StoragePolicy standard() {
    return new StoragePolicy(Duration.ofMinutes(30), Duration.ofDays(7), Duration.ofMinutes(15));
  }
}
