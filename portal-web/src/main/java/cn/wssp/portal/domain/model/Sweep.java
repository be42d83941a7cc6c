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
}
