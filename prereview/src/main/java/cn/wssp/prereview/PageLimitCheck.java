package cn.wssp.prereview;

/** TOO_MANY_PAGES: more pages than the material allows (0 = no limit). */
final class PageLimitCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    int max = ctx.requirement().maxPages();
    if (!ctx.hasFile() || max <= 0) {
      return;
    }
    Integer pages = ctx.facts().pages();
    if (pages != null && pages > max) {
      ctx.report(FindingCode.TOO_MANY_PAGES, Severity.BLOCKING, "TOO_MANY_PAGES",
          String.valueOf(pages), String.valueOf(max));
    }
  }
}
