package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.storage.StoragePolicy;
import cn.wssp.portal.domain.storage.StoreInventory;
import cn.wssp.portal.domain.storage.StoreInventory.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreInventoryTest {
  static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  static final StoragePolicy POLICY = new StoragePolicy(Duration.ofMinutes(30), Duration.ofDays(7),
      Duration.ofMinutes(15));

  static Entry at(String key, Duration ago) {
    return new Entry(key, NOW.minus(ago));
  }

  @Test
  void sortsTheListingIntoReferencedOrphansQuarantineAndMissing() {
    long eightDaysAgo = NOW.minus(Duration.ofDays(8)).toEpochMilli();
    long yesterday = NOW.minus(Duration.ofDays(1)).toEpochMilli();
    StoreInventory inv = new StoreInventory(List.of(
        at("a/referenced", Duration.ofDays(3)),
        at("a/old-orphan", Duration.ofMinutes(30)),
        at("a/young-orphan", Duration.ofMinutes(29)),
        at(".health/probe", Duration.ofDays(9)),
        at("quarantine/" + eightDaysAgo + "/a/expired", Duration.ZERO),
        at("quarantine/" + yesterday + "/a/kept", Duration.ZERO),
        at("quarantine/not-a-time/a/odd", Duration.ZERO)),
        ".health/", Set.of("a/referenced", "a/gone", "a/kept"), NOW, POLICY);

    assertEquals(3, inv.objects(), "neither the probe nor quarantine");
    assertEquals(3, inv.referenced());
    assertEquals(List.of("a/old-orphan", "a/young-orphan"), inv.orphans());
    assertEquals(List.of("a/old-orphan"), inv.orphansToQuarantine(), "30 minutes old: no longer in flight");
    assertEquals(List.of("quarantine/" + eightDaysAgo + "/a/expired", "quarantine/not-a-time/a/odd"),
        inv.expiredQuarantine());
    assertEquals(List.of("a/gone", "a/kept"), inv.missingCandidates());
    assertEquals(Optional.of("quarantine/" + yesterday + "/a/kept"), inv.quarantinedCopyOf("a/kept"));
    assertEquals(Optional.empty(), inv.quarantinedCopyOf("a/gone"));
    assertEquals("quarantine/" + NOW.toEpochMilli() + "/a/old-orphan", inv.quarantineKey("a/old-orphan"));
  }
}
