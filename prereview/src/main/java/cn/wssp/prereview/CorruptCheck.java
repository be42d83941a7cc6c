package cn.wssp.prereview;

import org.apache.tika.mime.MediaType;

/** CORRUPT: the parser for the detected type could not read the file. */
final class CorruptCheck implements MaterialCheck {
  private final MediaTypes types;

  CorruptCheck() {
    this(MediaTypes.standard());
  }

  CorruptCheck(MediaTypes types) {
    this.types = types;
  }

  @Override
  public void check(CheckContext ctx) {
    if (ctx.hasFile() && ctx.facts().corrupt()) {
      String type = ctx.facts().detectedType();
      String label = types.label(type == null ? null : MediaType.parse(type));
      String damage = ctx.inspection().damage();
      if (damage != null) {
        ctx.report(FindingCode.CORRUPT, Severity.BLOCKING, "CORRUPT.damaged", label, damage);
      } else {
        ctx.report(FindingCode.CORRUPT, Severity.BLOCKING, "CORRUPT", label);
      }
      ctx.stop();
    }
  }
}
