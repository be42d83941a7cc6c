package cn.wssp.prereview;

import java.util.List;
import org.apache.tika.mime.MediaType;

/**
 * When a check applies (the {@code "when"} of RULES.md), judged on the inspected file. Conditions
 * combine with {@code all}, {@code any} and {@code not}.
 */
public sealed interface Condition {
  boolean test(Inspection i);

  /** At least n pages (a file without pages, e.g. an image, counts as one). */
  record PagesAtLeast(int n) implements Condition {
    @Override
    public boolean test(Inspection i) {
      return pages(i) >= n;
    }
  }

  record PagesAtMost(int n) implements Condition {
    @Override
    public boolean test(Inspection i) {
      return pages(i) <= n;
    }
  }

  /** The file has its own text (not only OCR'd): a born-digital PDF or Word file. */
  record HasTextLayer(boolean expected) implements Condition {
    @Override
    public boolean test(Inspection i) {
      boolean has = i.pageTexts().stream()
          .anyMatch(p -> p.ocrConfidence() == null && !p.text().isBlank());
      return has == expected;
    }
  }

  /** Some of its text came from OCR (an image or a scanned page). */
  record Ocr(boolean expected) implements Condition {
    @Override
    public boolean test(Inspection i) {
      boolean ocr = i.pageTexts().stream().anyMatch(p -> p.ocrConfidence() != null);
      return ocr == expected;
    }
  }

  /** The detected type is one of these (spelled as in acceptedTypes). */
  record Types(List<String> types) implements Condition {
    public Types {
      types = List.copyOf(types);
    }

    @Override
    public boolean test(Inspection i) {
      String t = i.facts().detectedType();
      return t != null && MediaTypes.standard().accepted(MediaType.parse(t), types);
    }
  }

  record All(List<Condition> of) implements Condition {
    public All {
      of = List.copyOf(of);
    }

    @Override
    public boolean test(Inspection i) {
      return of.stream().allMatch(c -> c.test(i));
    }
  }

  record Any(List<Condition> of) implements Condition {
    public Any {
      of = List.copyOf(of);
    }

    @Override
    public boolean test(Inspection i) {
      return of.stream().anyMatch(c -> c.test(i));
    }
  }

  record Not(Condition of) implements Condition {
    @Override
    public boolean test(Inspection i) {
      return !of.test(i);
    }
  }

  private static int pages(Inspection i) {
    Integer p = i.facts().pages();
    return p != null ? p : 1;
  }
}
