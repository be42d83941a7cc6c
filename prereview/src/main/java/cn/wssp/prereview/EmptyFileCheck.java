package cn.wssp.prereview;

/** EMPTY: a file of 0 bytes, decided from the size; nothing is read. */
final class EmptyFileCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    if (ctx.hasFile() && ctx.file().size() == 0) {
      ctx.report(FindingCode.EMPTY, Severity.BLOCKING, "EMPTY");
      ctx.stop();
    }
  }
}
