package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerHeapTest {
  @Test
  void whatSurvivesACollectionIsCountedAsLive() {
    byte[] kept = new byte[64 << 20];
    kept[kept.length - 1] = 1;
    System.gc();
    long live = WorkerHeap.liveAfterCollections();
    assertTrue(live >= kept.length, "live after the collection: " + live);
    assertTrue(WorkerHeap.holdsMoreThan((double) (kept.length / 2) / Runtime.getRuntime().maxMemory()));
    assertFalse(WorkerHeap.holdsMoreThan(1.0), "never more than the whole heap");
    assertTrue(kept[kept.length - 1] == 1); // kept reachable up to here
  }
}
