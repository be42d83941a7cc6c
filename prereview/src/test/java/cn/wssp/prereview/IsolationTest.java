package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.APPLICANT_CODE;
import static cn.wssp.prereview.Samples.APPLICANT_NAME;
import static cn.wssp.prereview.Samples.OTHER_CODE;
import static cn.wssp.prereview.Samples.PERPETUAL;
import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing in a pool of worker JVMs: the production default; a worker is killed at its deadline. */
class IsolationTest {
  static final Applicant APPLICANT = new Applicant(APPLICANT_NAME, APPLICANT_CODE);

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void isolationIsTheDefault() {
    assertTrue(PreReviewer.Options.defaults().isolated());
    assertEquals(Duration.ofSeconds(170), PreReviewer.Options.defaults().effectiveWorkerTimeout());
  }

  @Test
  void aWorkerJvmJudgesLikeTheInProcessInspector() throws IOException {
    RuleSet rules = RuleSet.parse(RuleSetTest.documentedExample());
    PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false).withWorkerPoolSize(1));
    long firstWorker = 0;
    try (reviewer) {
      assertTrue(reviewer.isolated());
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        PreReviewResult r = reviewer.review(rules, APPLICANT, LocalDate.of(2026, 6, 1), List.of(
            file("business-license", "营业执照.pdf", Samples.chinesePdf(
                Samples.licenceLines(APPLICANT_NAME, OTHER_CODE, PERPETUAL)))));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("one file in a worker JVM (round " + round + "): " + ms + " ms");
        List<Finding> f = r.findings().stream()
            .filter(x -> "business-license".equals(x.materialCode())).toList();
        assertEquals(Set.of(FindingCode.CREDIT_CODE_MISMATCH),
            f.stream().map(Finding::code).collect(Collectors.toSet()), f::toString);
        assertEquals(1, f.get(0).evidence().page());
        assertEquals(1, r.facts().get("business-license").pages());
        if (round == 0) {
          firstWorker = reviewer.lastWorkerPid();
          assertTrue(firstWorker > 0);
        } else {
          assertEquals(firstWorker, reviewer.lastWorkerPid(), "the same worker serves again");
        }
      }
      assertTrue(alive(firstWorker), "one worker JVM, kept running between files");
    }
    assertFalse(alive(firstWorker), "closing the pre-reviewer ends its workers");
  }

  @Test
  void theFilesOfAnApplicationAreExaminedSideBySide() {
    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false).withWorkerPoolSize(2))) {
      PreReviewResult r = reviewer.review(
          List.of(Samples.license(), Samples.pdfOnly("articles", "公司章程"),
              Samples.pdfOnly("form", "申请书")),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(2)),
              file("articles", "章程.pdf", Samples.pdf(3)),
              file("form", "申请书.pdf", Samples.encryptedPdf())));
      assertEquals(2, r.facts().get(Samples.LICENSE).pages());
      assertEquals(3, r.facts().get("articles").pages());
      assertEquals(List.of(FindingCode.ENCRYPTED),
          r.findings().stream().map(Finding::code).toList(), r.findings()::toString);
      assertEquals("form", r.findings().get(0).materialCode());
    }
  }

  /**
   * Where setsid(1) exists a worker leads a session of its own (IsolatedInspector.sessionOfItsOwn:
   * Linux's autogroup then gives it a session's share of the processors), and its pid is still
   * the worker JVM's, a child of this one: setsid exec'd it rather than forking.
   */
  @Test
  void aWorkerLeadsASessionOfItsOwn() throws IOException {
    assumeTrue(!IsolatedInspector.sessionOfItsOwn().isEmpty()
        && Files.isDirectory(Path.of("/proc/self")), "no setsid or no /proc here");
    try (PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false).withWorkerPoolSize(1))) {
      PreReviewResult r = reviewer.review(List.of(Samples.license()),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(1))));
      assertEquals(Verdict.COMPLETE, r.verdict(), r.findings()::toString);
      long pid = reviewer.lastWorkerPid();
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // After "pid (command) ": state, parent, process group, session.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      assertEquals(ProcessHandle.current().pid(), Long.parseLong(fields[1]), stat);
      assertEquals(pid, Long.parseLong(fields[3]), "the worker leads its session: " + stat);
    }
  }

  @Test
  void aWorkerIsReplacedAfterItsQuotaOfFiles() {
    PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false).withWorkerPoolSize(1).withWorkerMaxFiles(1));
    try (reviewer) {
      long[] pids = new long[2];
      for (int i = 0; i < 2; i++) {
        PreReviewResult r = reviewer.review(List.of(Samples.license()),
            List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(2))));
        assertEquals(Verdict.COMPLETE, r.verdict(), r.findings()::toString);
        pids[i] = reviewer.lastWorkerPid();
      }
      assertTrue(pids[0] != pids[1], "a fresh worker after one file");
      assertFalse(alive(pids[0]),
          "the retired worker ended");
    }
  }

  /**
   * A worker near its quota has its successor started while it still serves, so its retirement
   * costs no wait for a JVM to start: one more worker runs for that while, then as many as before.
   */
  @Test
  void aWorkersSuccessorStartsBeforeItRetires() {
    PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withOcrEnabled(false).withWorkerPoolSize(1).withWorkerMaxFiles(8));
    try (reviewer) {
      long first = 0;
      boolean successorBeforeChange = false;
      for (int i = 0; i < 9; i++) {
        reviewer.review(List.of(Samples.license()),
            List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(1))));
        long pid = reviewer.lastWorkerPid();
        if (first == 0) {
          first = pid;
        } else if (pid != first) {
          assertTrue(successorBeforeChange, "the successor was started before the worker retired");
          assertFalse(alive(first), "the retired worker ended");
          assertEquals(1, reviewer.liveWorkers(), "as many workers as before");
          assertTrue(i >= 6, "the quota is 8 less at most a quarter: " + i + " files");
          return;
        }
        successorBeforeChange |= reviewer.liveWorkers() == 2;
      }
      fail("no fresh worker after 9 files with a quota of at most 8");
    }
  }

  /**
   * A file that keeps its worker past the deadline (here: a tesseract that never finishes) costs
   * that worker and its tesseract; the next file is served by a fresh worker.
   */
  @Test
  void afterAWorkerIsKilledTheNextFileGetsAFreshWorker(@TempDir Path dir) throws IOException {
    Path real = Path.of("/usr/bin/tesseract");
    assumeTrue(Files.isExecutable(real), "tesseract is not installed");
    Path fake = dir.resolve("tesseract");
    // Distinctive per run: another build on the same machine may run this test at the same time.
    String seconds = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000, 99_999));
    Files.writeString(fake, "#!/bin/sh\n"
        // hangs on recognition (the input is one of the pre-review's temporary files), not on
        // the probes; a distinctive duration, to find it below
        + "case \"$*\" in *prereview-*) exec sleep " + seconds + ";; esac\n"
        + "exec " + real + " \"$@\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withTesseract(fake).withWorkerPoolSize(1).withWorkerTimeout(Duration.ofSeconds(4)));
    try (reviewer) {
      assertTrue(reviewer.ocrAvailable(), reviewer.ocrStatus());
      PreReviewResult hung = reviewer.review(List.of(Samples.accepting(Samples.LICENSE,
          Samples.LICENSE_NAME, "image/png")), List.of(file(Samples.LICENSE, "营业执照.png",
          Samples.chineseImage(List.of("营业执照", APPLICANT_NAME)))));
      assertEquals(Set.of(FindingCode.HOSTILE_FILE),
          hung.findings().stream().map(Finding::code).collect(Collectors.toSet()),
          hung.findings()::toString);
      assertTrue(hung.findings().get(0).message().contains("在 4 秒内未能检查完毕"),
          hung.findings().get(0).message());
      long killed = reviewer.lastWorkerPid();
      assertFalse(alive(killed),
          "the worker was killed");
      // (once orphaned it would no longer be our descendant: look at every process)
      assertEquals(0, ProcessHandle.allProcesses()
          .filter(p -> p.info().command().orElse("").endsWith("sleep"))
          .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
              .equals(seconds))
          .count(),
          "its tesseract was killed with it");

      PreReviewResult next = reviewer.review(List.of(Samples.license()),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(2))));
      assertEquals(Verdict.COMPLETE, next.verdict(), next.findings()::toString);
      assertTrue(reviewer.lastWorkerPid() != killed, "served by a fresh worker");
      assertTrue(alive(reviewer.lastWorkerPid()), "which keeps running for the next file");
    }
  }

  @Test
  void aWorkerPastItsDeadlineIsKilled() {
    PreReviewer reviewer = new PreReviewer(PreReviewer.Options.defaults()
        .withWorkerTimeout(Duration.ofMillis(1)));
    try (reviewer) {
      PreReviewResult r = reviewer.review(List.of(Samples.license()),
          List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(2))));
      assertEquals(1, r.findings().size(), r.findings()::toString);
      Finding f = r.findings().get(0);
      assertEquals(FindingCode.HOSTILE_FILE, f.code());
      assertEquals(Severity.BLOCKING, f.severity());
      assertTrue(f.message().contains("在 1 秒内未能检查完毕"), f.message());
      assertEquals(Verdict.INCOMPLETE, r.verdict());
      long killed = reviewer.lastWorkerPid();
      assertFalse(alive(killed),
          "the worker was killed, not left running");
    }
    assertEquals(0, reviewer.liveWorkers(), "a closed pre-reviewer starts no replacement");
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
