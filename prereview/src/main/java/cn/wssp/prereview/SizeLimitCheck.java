package cn.wssp.prereview;

/** TOO_LARGE: decided from the size before anything is read; such a file is never parsed. */
final class SizeLimitCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    if (ctx.hasFile() && ctx.file().size() > ctx.maxBytes()) {
      ctx.report(FindingCode.TOO_LARGE, Severity.BLOCKING, "TOO_LARGE",
          Messages.size(ctx.file().size()), Messages.size(ctx.maxBytes()));
      ctx.stop();
    }
  }
}
