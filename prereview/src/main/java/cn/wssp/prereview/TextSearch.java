package cn.wssp.prereview;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searching the text of a file page by page, with the evidence of each match. Text is searched
 * after NFKC normalisation (full-width digits, letters and brackets become ASCII) with the spaces
 * OCR puts between Chinese characters removed and other runs of white space made one space.
 */
final class TextSearch {
  private static final Pattern SPACE_NEAR_HAN = Pattern.compile(
      "(?<=[\\p{IsHan}:,.;()\\[\\]、。；，《》“”])\\s+|\\s+(?=[\\p{IsHan}:,.;()\\[\\]、。；，《》“”])");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** One page's normalised text. */
  record Page(int page, String text, Double ocrConfidence) {}

  /** A match: the page, the groups, and where it stands. */
  record Match(Page page, Matcher matcher, int start, int end) {
    String group(int g) {
      return matcher.group(g);
    }

    Evidence evidence() {
      return new Evidence(page.page() > 0 ? page.page() : null,
          snippet(page.text(), start, end), page.ocrConfidence());
    }
  }

  private final List<Page> pages;

  TextSearch(List<PageText> pageTexts) {
    List<Page> ps = new ArrayList<>();
    for (PageText p : pageTexts) {
      ps.add(new Page(p.page(), normalize(p.text()), p.ocrConfidence()));
    }
    this.pages = List.copyOf(ps);
  }

  static TextSearch of(Inspection i) {
    return new TextSearch(i.pageTexts());
  }

  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    n = SPACE_NEAR_HAN.matcher(n).replaceAll("");
    return SPACES.matcher(n).replaceAll(" ").strip();
  }

  /** Every match of the pattern, page by page. */
  List<Match> findAll(Pattern p) {
    List<Match> r = new ArrayList<>();
    for (Page page : pages) {
      Matcher m = p.matcher(page.text());
      while (m.find()) {
        Matcher copy = p.matcher(page.text());
        copy.find(m.start());
        r.add(new Match(page, copy, m.start(), m.end()));
      }
    }
    return r;
  }

  /** The first page containing the (normalised) word, or null. */
  Match find(String word) {
    List<Match> all = findAll(Pattern.compile(Pattern.quote(normalize(word))));
    return all.isEmpty() ? null : all.get(0);
  }

  boolean contains(String word) {
    return find(word) != null;
  }

  /** Evidence for something absent: the lowest OCR confidence of the pages searched, if any. */
  Evidence absence() {
    Double lowest = null;
    for (Page p : pages) {
      if (p.ocrConfidence() != null && (lowest == null || p.ocrConfidence() < lowest)) {
        lowest = p.ocrConfidence();
      }
    }
    return lowest == null ? null : new Evidence(null, null, lowest);
  }

  /** At most 80 characters around [start, end), on one line. */
  static String snippet(String text, int start, int end) {
    int max = Evidence.MAX_SNIPPET;
    int len = Math.min(end - start, max);
    int before = (max - len) / 2;
    int from = Math.max(0, start - before);
    int to = Math.min(text.length(), from + max);
    from = Math.max(0, Math.min(from, to - max));
    return text.substring(from, to).replace('\n', ' ').strip();
  }
}
