package cn.wssp.prereview;

/** SIGNATURE_MISSING: the PDF carries no digital signature or electronic seal. */
final class SignatureCheck extends RuleCheck {
  SignatureCheck(CheckSpec spec) {
    super(spec);
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    if (!i.signed()) {
      report(ctx, FindingCode.SIGNATURE_MISSING, null, "SIGNATURE_MISSING");
    }
  }
}
