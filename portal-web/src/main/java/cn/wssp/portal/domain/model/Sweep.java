package cn.wssp.portal.domain.model;

/**
 * A time-driven sweep (deemed acceptance, reminders, commitment breach): run by every instance at
 * least every minute, each change guarded so that it happens once across instances.
 */
public interface Sweep {
  /** What it does, for logs and the test clock's answer. */
  String name();

  /** Runs once over everything that is due now; returns how many things it changed. */
  int run();

  /**
   * The shape every sweep shares: each application on its own (a step is its own transaction),
   * a failure logged and left for the next sweep rather than stopping the others.
   *
   * @param step true when it changed the application
   * @return how many it changed
   */
  static int eachApplication(java.util.List<Long> ids, java.util.function.Predicate<Long> step,
      String what) {
    int changed = 0;
    for (Long id : ids) {
      try {
        changed += step.test(id) ? 1 : 0;
      } catch (RuntimeException e) {
        // Another instance took it first, or something it needs is down now: next sweep.
        java.util.logging.Logger.getLogger(Sweep.class.getName()).log(java.util.logging.Level.INFO,
            what + "未完成（下次巡检重试）：申请 #" + id + "：" + e.getMessage());
      }
    }
    return changed;
  }
}
