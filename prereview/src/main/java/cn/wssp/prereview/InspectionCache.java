package cn.wssp.prereview;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What examining a file found, kept by the file's SHA-256 (with its name, which guides the type
 * detection, and the size limit it was examined under): an application submitted again after a
 * supplement (补正), or a commitment's materials judged again, has its unchanged files judged on
 * what was found before instead of being fetched and parsed anew. The checks still run on every
 * review (they depend on the rule set, the applicant and the date; the inspection does not).
 *
 * <p>Only findings that examining the same bytes again would repeat are kept: not a file
 * abandoned at its deadline, nor one whose OCR failed or was not available (both depend on the
 * machine's state, not on the file). The extracted text is what weighs: the least recently used
 * entries go once the texts kept pass {@code budgetChars}. Thread-safe.
 */
final class InspectionCache {
  record Key(String sha256, String fileName, long maxBytes) {}

  private record Entry(Inspection inspection, long chars) {}

  private final long budgetChars;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long chars;

  InspectionCache(long budgetChars) {
    this.budgetChars = budgetChars;
  }

  /** The key of a file, or null when its SHA-256 is not known (then it is not kept). */
  static Key keyOf(SubmittedFile file, long maxBytes) {
    return file.sha256() == null || file.sha256().isBlank() ? null
        : new Key(file.sha256(), String.valueOf(file.fileName()), maxBytes);
  }

  synchronized Inspection get(Key key) {
    Entry e = key == null ? null : entries.get(key);
    return e == null ? null : e.inspection();
  }

  synchronized void keep(Key key, Inspection found) {
    long weight = charsOf(found);
    if (key == null || !repeatable(found) || weight > budgetChars / 8) {
      return; // a file of very much text would push out many others
    }
    Entry before = entries.put(key, new Entry(found, weight));
    chars += weight - (before == null ? 0 : before.chars());
    for (Iterator<Entry> eldest = entries.values().iterator(); chars > budgetChars
        && eldest.hasNext(); ) {
      chars -= eldest.next().chars();
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  private static long charsOf(Inspection i) {
    long n = i.text() == null ? 0 : i.text().length();
    if (i.pageTexts() != null) {
      for (PageText p : i.pageTexts()) {
        n += p.text() == null ? 0 : p.text().length();
      }
    }
    return n + 256; // the facts and the rest, roughly
  }

  private static boolean repeatable(Inspection i) {
    return i.hostile() != Inspection.Hostility.TIMEOUT
        && i.ocr() != Inspection.OcrStatus.FAILED && i.ocr() != Inspection.OcrStatus.UNAVAILABLE;
  }
}
