package cn.wssp.prereview;

/** ENTERPRISE_NAME_MISMATCH: the applicant's name does not occur in the material. */
final class EnterpriseNameCheck extends RuleCheck {
  EnterpriseNameCheck(CheckSpec spec) {
    super(spec);
  }

  /** Whether the text names the enterprise (spaces and bracket widths ignored). */
  static boolean names(Inspection i, String name) {
    String wanted = TextSearch.normalize(name).replace(" ", "");
    return i.pageTexts().stream()
        .anyMatch(p -> TextSearch.normalize(p.text()).replace(" ", "").contains(wanted));
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    Applicant a = ctx.applicant();
    if (a == null || a.name() == null || a.name().isBlank() || names(i, a.name())) {
      return;
    }
    TextSearch text = TextSearch.of(i);
    TextSearch.Match label = text.find("名称");
    report(ctx, FindingCode.ENTERPRISE_NAME_MISMATCH,
        label != null ? label.evidence() : text.absence(), "ENTERPRISE_NAME_MISMATCH", a.name());
  }
}
