package cn.wssp.prereview;

/**
 * Base of the content checks a rule set names (RULES.md): applies the check's condition and
 * severity, words its findings from findings_zh.properties, adds the page to the message and the
 * administrator's hint after it.
 */
abstract class RuleCheck implements MaterialCheck {
  final CheckSpec spec;

  RuleCheck(CheckSpec spec) {
    this.spec = spec;
  }

  @Override
  public final void check(CheckContext ctx) {
    if (!ctx.hasFile()) {
      return;
    }
    Inspection i = ctx.inspection();
    if (spec.when() != null && !spec.when().test(i)) {
      return;
    }
    judge(ctx, i);
  }

  abstract void judge(CheckContext ctx, Inspection i);

  void report(CheckContext ctx, FindingCode code, Evidence evidence, String key, Object... args) {
    StringBuilder m = new StringBuilder(Messages.format(key, ctx.messageArgs(args)));
    if (evidence != null && evidence.page() != null) {
      m.append(Messages.format("evidence.page", evidence.page()));
    }
    if (evidence != null && evidence.ocrConfidence() != null) {
      m.append(Messages.format("evidence.ocr", Math.round(evidence.ocrConfidence())));
    }
    if (spec.hint() != null) {
      m.append(spec.hint());
    }
    ctx.reportMessage(code, spec.severity(), m.toString(), evidence);
  }
}
