package cn.wssp.prereview;

/** TOO_MANY_PAGES against the rule's {@code max} (beside the material's own maxPages). */
final class PageLimitRule extends RuleCheck {
  PageLimitRule(CheckSpec spec) {
    super(spec);
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    long max = spec.number("max", 0);
    Integer pages = i.facts().pages();
    if (pages != null && pages > max) {
      report(ctx, FindingCode.TOO_MANY_PAGES, null, "TOO_MANY_PAGES", String.valueOf(pages),
          String.valueOf(max));
    }
  }
}
