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
      ctx.report(FindingCode.CORRUPT, Severity.BLOCKING, "CORRUPT",
          types.label(type == null ? null : MediaType.parse(type)));
      ctx.stop();
    }
  }
}
