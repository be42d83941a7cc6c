package cn.wssp.prereview;

import java.util.List;
import java.util.regex.Pattern;

/**
 * ID_NUMBER_INVALID: a resident ID number (GB 11643) with a wrong check digit or an impossible
 * birth date; KEYWORD_MISSING when none is found and {@code required}.
 */
final class IdNumberCheck extends RuleCheck {
  private static final Pattern LABELLED =
      Pattern.compile("(?:身份号码|身份证号码|身份证号|身份证)[:]?\\s*(\\d{17}[\\dXx])(?![0-9A-Za-z])");
  private static final Pattern BARE =
      Pattern.compile("(?<![0-9A-Za-z])(\\d{6}(?:18|19|20)\\d{9}[\\dXx])(?![0-9A-Za-z])");

  IdNumberCheck(CheckSpec spec) {
    super(spec);
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    TextSearch text = TextSearch.of(i);
    List<TextSearch.Match> ids = text.findAll(LABELLED);
    if (ids.isEmpty()) {
      ids = text.findAll(BARE);
    }
    if (ids.isEmpty()) {
      if (spec.flag("required", false)) {
        report(ctx, FindingCode.KEYWORD_MISSING, text.absence(), "ID_NUMBER.notFound");
      }
      return;
    }
    for (TextSearch.Match m : ids) {
      String id = m.group(1).toUpperCase(java.util.Locale.ROOT);
      String problem = Identifiers.idNumberProblem(id, ctx.today());
      if (problem != null) {
        report(ctx, FindingCode.ID_NUMBER_INVALID, m.evidence(), "ID_NUMBER_INVALID", id, problem);
        return;
      }
    }
  }
}
