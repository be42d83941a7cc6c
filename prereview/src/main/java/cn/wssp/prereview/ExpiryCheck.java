package cn.wssp.prereview;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * EXPIRED: the end of validity (有效期至2027年12月31日, 2020年1月1日至2027年12月31日, 至2027-12-31,
 * 有效期：2027年12月31日) lies before the review day plus {@code minDaysValid}; 长期, 永久 and
 * 无固定期限 never expire. KEYWORD_MISSING when no validity is found and {@code required}.
 */
final class ExpiryCheck extends RuleCheck {
  private static final String DATE =
      "(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?";
  private static final Pattern PERPETUAL =
      Pattern.compile("(?:有效期|期限)[^。;\\n]{0,40}?(?:长期|永久|无固定期限)");
  private static final Pattern UNTIL = Pattern.compile("(?:至|到|~|—)\\s*" + DATE);
  private static final Pattern VALID_DATE = Pattern.compile(
      "有效期(?:限)?:?\\s*" + DATE + "(?!\\s*(?:至|到|起|~|—|-))");

  ExpiryCheck(CheckSpec spec) {
    super(spec);
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    TextSearch text = TextSearch.of(i);
    if (!text.findAll(PERPETUAL).isEmpty()) {
      return;
    }
    List<TextSearch.Match> ends = new ArrayList<>(text.findAll(UNTIL));
    ends.addAll(text.findAll(VALID_DATE));
    TextSearch.Match latest = null;
    LocalDate latestDate = null;
    for (TextSearch.Match m : ends) {
      LocalDate d = date(m);
      if (d != null && (latestDate == null || d.isAfter(latestDate))) {
        latest = m;
        latestDate = d;
      }
    }
    if (latest == null) {
      if (spec.flag("required", false)) {
        report(ctx, FindingCode.KEYWORD_MISSING, text.absence(), "EXPIRY.notFound");
      }
      return;
    }
    long minDays = spec.number("minDaysValid", 0);
    LocalDate today = ctx.today();
    if (latestDate.isBefore(today)) {
      report(ctx, FindingCode.EXPIRED, latest.evidence(), "EXPIRED", chinese(latestDate),
          chinese(today));
    } else if (latestDate.isBefore(today.plusDays(minDays))) {
      report(ctx, FindingCode.EXPIRED, latest.evidence(), "EXPIRED.soon", chinese(latestDate),
          chinese(today), String.valueOf(minDays));
    }
  }

  private static LocalDate date(TextSearch.Match m) {
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  static String chinese(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
