package cn.wssp.prereview;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * What a worker JVM's heap still holds after its last collections, against its -Xmx: a worker
 * whose parsers leak retires when that passes a share of the heap ({@link #LEAKED_SHARE}), before
 * a leak ends in an out-of-memory exit that the file being parsed then would be blamed for. The
 * count of files ({@code PORTAL_PREREVIEW_WORKER_MAX_FILES}) stays as the bound for what the
 * heap does not show (threads, native memory, open files); this lets it be large, so that a
 * worker JVM (its start and Tika's warm-up cost seconds of CPU) serves long.
 */
final class WorkerHeap {
  /** Live data beyond this share of the maximum heap retires the worker. */
  static final double LEAKED_SHARE = 0.5;

  private WorkerHeap() {}

  /** Bytes the heap held after the last collection of each of its pools. */
  static long liveAfterCollections() {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
        MemoryUsage after = pool.getCollectionUsage();
        live += after == null ? 0 : after.getUsed();
      }
    }
    return live;
  }

  /** Whether the live data passed {@code share} of the maximum heap. */
  static boolean holdsMoreThan(double share) {
    return liveAfterCollections() > share * Runtime.getRuntime().maxMemory();
  }
}
