package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.APPLICANT_CODE;
import static cn.wssp.prereview.Samples.APPLICANT_NAME;
import static cn.wssp.prereview.Samples.OTHER_CODE;
import static cn.wssp.prereview.Samples.PERPETUAL;
import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parsing in a worker JVM: the production default, killed at its deadline. */
class IsolationTest {
  static final Applicant APPLICANT = new Applicant(APPLICANT_NAME, APPLICANT_CODE);

  static long workers() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(InspectionWorker.class.getName()))
        .filter(ProcessHandle::isAlive)
        .count();
  }

  @Test
  void isolationIsTheDefault() {
    assertTrue(PreReviewer.Options.defaults().isolated());
    assertEquals(Duration.ofSeconds(170), PreReviewer.Options.defaults().effectiveWorkerTimeout());
  }

  @Test
  void aWorkerJvmJudgesLikeTheInProcessInspector() throws IOException {
    RuleSet rules = RuleSet.parse(RuleSetTest.documentedExample());
    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false))) {
      assertTrue(reviewer.isolated());
      long start = System.nanoTime();
      PreReviewResult r = reviewer.review(rules, APPLICANT, LocalDate.of(2026, 6, 1), List.of(
          file("business-license", "营业执照.pdf", Samples.chinesePdf(
              Samples.licenceLines(APPLICANT_NAME, OTHER_CODE, PERPETUAL)))));
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("one file in a worker JVM: " + ms + " ms");
      List<Finding> f = r.findings().stream()
          .filter(x -> "business-license".equals(x.materialCode())).toList();
      assertEquals(Set.of(FindingCode.CREDIT_CODE_MISMATCH),
          f.stream().map(Finding::code).collect(Collectors.toSet()), f::toString);
      assertEquals(1, f.get(0).evidence().page());
      assertEquals(1, r.facts().get("business-license").pages());
      assertEquals(0, workers());
    }
  }

  @Test
  void aWorkerPastItsDeadlineIsKilled() {
    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withWorkerTimeout(Duration.ofMillis(1)))) {
      PreReviewResult r = reviewer.review(List.of(Samples.license()),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(2))));
      assertEquals(1, r.findings().size(), r.findings()::toString);
      Finding f = r.findings().get(0);
      assertEquals(FindingCode.HOSTILE_FILE, f.code());
      assertEquals(Severity.BLOCKING, f.severity());
      assertTrue(f.message().contains("在 1 秒内未能检查完毕"), f.message());
      assertEquals(Verdict.INCOMPLETE, r.verdict());
      assertEquals(0, workers(), "the worker was killed, not left running");
    }
  }

  @Test
  void aWorkerOutOfMemoryIsAHostileFileNotACrash() {
    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false).withWorkerMaxHeapMb(8))) {
      PreReviewResult r = reviewer.review(List.of(Samples.license()),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(2))));
      assertEquals(Set.of(FindingCode.HOSTILE_FILE),
          r.findings().stream().map(Finding::code).collect(Collectors.toSet()),
          r.findings()::toString);
      assertTrue(r.findings().get(0).message().contains("耗尽了系统资源"));
    }
  }
}
