package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file examined once is not examined again when it comes back with the same SHA-256 and name
 * (an application submitted again after a supplement): its findings stay the same, and the file
 * is not even read. Without a SHA-256, or under another name, it is examined.
 */
class InspectionCacheTest {
  @Test
  void anUnchangedFileIsJudgedOnWhatWasFoundBefore() {
    byte[] pdf = Samples.pdf(2);
    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false)
        .withOcrEnabled(false))) {
      int[] opened = {0};
      SubmittedFile known = new SubmittedFile(Samples.LICENSE, "营业执照.pdf", pdf.length, () -> {
        opened[0]++;
        return new ByteArrayInputStream(pdf);
      }, "ab".repeat(32));
      PreReviewResult first = reviewer.review(List.of(Samples.license()), List.of(known));
      int readsOfTheFirst = opened[0];
      PreReviewResult again = reviewer.review(List.of(Samples.license()), List.of(known));
      assertEquals(1, reviewer.inspections());
      assertEquals(readsOfTheFirst, opened[0], "not read again");
      assertEquals(first.verdict(), again.verdict());
      assertEquals(first.findings(), again.findings());
      assertEquals(first.facts(), again.facts());

      reviewer.review(List.of(Samples.license()), List.of(new SubmittedFile(Samples.LICENSE,
          "另一个名字.pdf", pdf.length, () -> new ByteArrayInputStream(pdf), "ab".repeat(32))));
      assertEquals(2, reviewer.inspections(), "the name guides the detection: examined");
      reviewer.review(List.of(Samples.license()), List.of(file(Samples.LICENSE, "营业执照.pdf", pdf)));
      reviewer.review(List.of(Samples.license()), List.of(file(Samples.LICENSE, "营业执照.pdf", pdf)));
      assertEquals(4, reviewer.inspections(), "no SHA-256: examined every time");
    }
  }

  @Test
  void whatDependsOnTheMachineIsNotKeptAndTheTextHasABudget() {
    InspectionCache cache = new InspectionCache(8_000);
    InspectionCache.Key timedOut = new InspectionCache.Key("a", "x.pdf", 1);
    cache.keep(timedOut, Inspection.abandoned(10, Inspection.Hostility.TIMEOUT, "deadline"));
    assertNull(cache.get(timedOut), "a deadline depends on the load, not on the file");
    for (int i = 0; i < 20; i++) {
      cache.keep(new InspectionCache.Key("k" + i, "x.pdf", 1),
          Inspection.abandoned(10, Inspection.Hostility.EXECUTABLE, "x".repeat(500)));
    }
    assertEquals(20, cache.size(), "small entries all fit");
    for (int i = 20; i < 40; i++) {
      cache.keep(new InspectionCache.Key("k" + i, "x.pdf", 1),
          Inspection.abandoned(10, Inspection.Hostility.EXECUTABLE, "x"));
    }
    assertEquals(8_000 / 256, cache.size(), "the least recently used go beyond the budget");
    assertNull(cache.get(new InspectionCache.Key("k0", "x.pdf", 1)));
  }
}
