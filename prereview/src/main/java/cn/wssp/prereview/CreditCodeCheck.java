package cn.wssp.prereview;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The unified social credit code (GB 32100-2015): found (KEYWORD_MISSING when {@code required}),
 * with a valid check digit (CREDIT_CODE_INVALID), and the applicant's (CREDIT_CODE_MISMATCH, when
 * {@code matchApplicant} and the applicant's code is known).
 */
final class CreditCodeCheck extends RuleCheck {
  private static final Pattern LABELLED =
      Pattern.compile("信用代码[:]?\\s*([0-9A-Z]{18})(?![0-9A-Z])");
  private static final Pattern BARE = Pattern.compile(
      "(?<![0-9A-Z])([0-9A-HJ-NP-RTUWXY]{2}\\d{6}[0-9A-HJ-NP-RTUWXY]{10})(?![0-9A-Z])");

  CreditCodeCheck(CheckSpec spec) {
    super(spec);
  }

  /** The codes in the text: those after the label 统一社会信用代码 if any, else all that look like one. */
  static List<TextSearch.Match> find(TextSearch text) {
    List<TextSearch.Match> labelled = text.findAll(LABELLED);
    if (!labelled.isEmpty()) {
      return labelled;
    }
    List<TextSearch.Match> r = new ArrayList<>();
    for (TextSearch.Match m : text.findAll(BARE)) {
      // an 18-digit resident ID number has the same shape
      if (Identifiers.idNumberProblem(m.group(1), java.time.LocalDate.now()) != null) {
        r.add(m);
      }
    }
    return r;
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    TextSearch text = TextSearch.of(i);
    List<TextSearch.Match> codes = find(text);
    if (codes.isEmpty()) {
      if (spec.flag("required", true)) {
        report(ctx, FindingCode.KEYWORD_MISSING, text.absence(), "CREDIT_CODE.notFound");
      }
      return;
    }
    TextSearch.Match first = codes.get(0);
    if (!Identifiers.validCreditCode(first.group(1))) {
      report(ctx, FindingCode.CREDIT_CODE_INVALID, first.evidence(), "CREDIT_CODE_INVALID",
          first.group(1));
      return;
    }
    Applicant a = ctx.applicant();
    if (!spec.flag("matchApplicant", true) || a == null || a.creditCode() == null) {
      return;
    }
    String expected = TextSearch.normalize(a.creditCode()).toUpperCase(java.util.Locale.ROOT);
    if (codes.stream().noneMatch(m -> m.group(1).equals(expected))) {
      report(ctx, FindingCode.CREDIT_CODE_MISMATCH, first.evidence(), "CREDIT_CODE_MISMATCH",
          first.group(1), a.name() == null ? "" : a.name(), expected);
    }
  }
}
