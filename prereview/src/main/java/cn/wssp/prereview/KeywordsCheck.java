package cn.wssp.prereview;

import java.util.List;

/** KEYWORD_MISSING: words that must all occur ({@code all}) or at least one ({@code any}). */
final class KeywordsCheck extends RuleCheck {
  KeywordsCheck(CheckSpec spec) {
    super(spec);
  }

  @Override
  void judge(CheckContext ctx, Inspection i) {
    TextSearch text = TextSearch.of(i);
    List<String> missing = spec.strings("all").stream().filter(w -> !text.contains(w)).toList();
    if (!missing.isEmpty()) {
      report(ctx, FindingCode.KEYWORD_MISSING, text.absence(), "KEYWORD_MISSING.all", quote(missing));
    }
    List<String> any = spec.strings("any");
    if (!any.isEmpty() && any.stream().noneMatch(text::contains)) {
      report(ctx, FindingCode.KEYWORD_MISSING, text.absence(), "KEYWORD_MISSING.any", quote(any));
    }
  }

  static String quote(List<String> words) {
    return "“" + String.join("”、“", words) + "”";
  }
}
