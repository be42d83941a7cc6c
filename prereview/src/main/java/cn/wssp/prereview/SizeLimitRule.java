package cn.wssp.prereview;

/** TOO_LARGE against the rule's {@code maxBytes} (beside the material's own maxBytes). */
final class SizeLimitRule extends RuleCheck {
  SizeLimitRule(CheckSpec spec) {
    super(spec);
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    long max = spec.number("maxBytes", Long.MAX_VALUE);
    if (i.size() > max) {
      report(ctx, FindingCode.TOO_LARGE, null, "TOO_LARGE", Messages.size(i.size()),
          Messages.size(max));
    }
  }
}
