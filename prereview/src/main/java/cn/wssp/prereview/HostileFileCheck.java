package cn.wssp.prereview;

import cn.wssp.prereview.Inspection.Hostility;

/** HOSTILE_FILE: programs, bombs, polyglots, files that exhaust time or memory. */
final class HostileFileCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    if (!ctx.hasFile()) {
      return;
    }
    Inspection i = ctx.inspection();
    Hostility h = i.hostile();
    if (h == null) {
      return;
    }
    String key = switch (h) {
      case EXECUTABLE -> "HOSTILE_FILE.executable";
      case EMBEDDED_EXECUTABLE -> "HOSTILE_FILE.embedded-executable";
      case DECOMPRESSION_BOMB -> "HOSTILE_FILE.bomb";
      case NESTING_TOO_DEEP -> "HOSTILE_FILE.nesting";
      case POLYGLOT -> "HOSTILE_FILE.polyglot";
      case TIMEOUT -> "HOSTILE_FILE.timeout";
      case RESOURCE_EXHAUSTION -> "HOSTILE_FILE.exhaustion";
    };
    ctx.report(FindingCode.HOSTILE_FILE, Severity.BLOCKING, key, i.hostileDetail());
  }
}
