package cn.wssp.prereview;

import java.util.List;

/** Passes when one of its checks passes; otherwise reports the first one's findings. */
final class AnyOfCheck extends RuleCheck {
  private final List<MaterialCheck> checks;

  AnyOfCheck(CheckSpec spec) {
    super(spec);
    this.checks = spec.children().stream().map(CheckLibrary::material).toList();
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    List<Finding> first = null;
    for (MaterialCheck c : checks) {
      CheckContext trial = ctx.fork();
      c.check(trial);
      if (trial.findings().isEmpty()) {
        return;
      }
      if (first == null) {
        first = trial.findings();
      }
    }
    for (Finding f : first) {
      String m = spec.hint() != null ? f.message() + spec.hint() : f.message();
      ctx.reportMessage(f.code(), spec.severity(), m, f.evidence());
    }
  }
}
