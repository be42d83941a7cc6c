package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** §4: hostile files get a clear finding and never stall or crash the portal. */
class HostileFilesTest {
  private static final String ARCHIVE = "drawings";
  private static final String ARCHIVE_NAME = "施工图纸压缩包";
  private static PreReviewer reviewer;

  @BeforeAll
  static void start() {
    reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false).withOcrEnabled(false));
  }

  @AfterAll
  static void stop() {
    reviewer.close();
  }

  private static MaterialRequirement archive() {
    return Samples.accepting(ARCHIVE, ARCHIVE_NAME, "application/zip", "application/pdf");
  }

  private static Finding hostile(PreReviewResult r) {
    List<Finding> h = r.findings().stream()
        .filter(f -> f.code() == FindingCode.HOSTILE_FILE).toList();
    assertEquals(1, h.size(), r.findings()::toString);
    assertEquals(Severity.BLOCKING, h.get(0).severity());
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    return h.get(0);
  }

  @Test
  void theGeneratedBombIsReal() throws Exception {
    // The generator is checked on a small size: the JDK inflates it to exactly that many zeros.
    byte[] bomb = Samples.zipBomb(4);
    long total = 0;
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(bomb))) {
      z.getNextEntry();
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = z.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          assertEquals(0, buf[i]);
        }
        total += n;
      }
    }
    assertEquals(4L << 20, total);
  }

  @Test
  void zipBombOfOneGibibyteIsRefusedQuickly() {
    byte[] bomb = Samples.zipBomb(1024);
    assertTrue(bomb.length < 2 * 1024 * 1024, "cheap to make: " + bomb.length);
    PreReviewResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> reviewer.review(List.of(archive()), List.of(file(ARCHIVE, "图纸.zip", bomb))));
    Finding f = hostile(r);
    assertTrue(f.message().contains("压缩炸弹"), f.message());
    assertTrue(f.message().contains("「" + ARCHIVE_NAME + "」"), f.message());
  }

  @Test
  void gzipBombIsRefusedQuickly() throws Exception {
    byte[] small = Samples.gzipBomb(2); // the generator is sound: the JDK reads 2 MiB of zeros
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(small))) {
      assertEquals(2L << 20, in.readAllBytes().length);
    }
    MaterialRequirement gz = Samples.accepting("data", "数据包", "application/gzip");
    PreReviewResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> reviewer.review(List.of(gz),
            List.of(file("data", "数据.gz", Samples.gzipBomb(1024)))));
    assertTrue(hostile(r).message().contains("压缩炸弹"), r.findings()::toString);
  }

  @Test
  void zipBombDisguisedAsWordDocument() {
    MaterialRequirement word = Samples.accepting("articles", "公司章程",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    PreReviewResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> reviewer.review(List.of(word),
            List.of(file("articles", "章程.docx", Samples.zipBomb(1024)))));
    assertTrue(hostile(r).message().contains("压缩炸弹"));
  }

  @Test
  void archivesNestedTooDeep() {
    PreReviewResult r = reviewer.review(List.of(archive()),
        List.of(file(ARCHIVE, "图纸.zip", Samples.nestedZips(6))));
    assertTrue(hostile(r).message().contains("嵌套"), r.findings()::toString);
  }

  @Test
  void archivesNestedModeratelyAreFine() {
    PreReviewResult r = reviewer.review(List.of(archive()),
        List.of(file(ARCHIVE, "图纸.zip", Samples.nestedZips(2))));
    assertEquals(Verdict.COMPLETE, r.verdict(), r.findings()::toString);
  }

  @Test
  void executableInsideAnArchive() {
    PreReviewResult r = reviewer.review(List.of(archive()),
        List.of(file(ARCHIVE, "图纸.zip", Samples.zip("setup.exe", Samples.windowsExe()))));
    Finding f = hostile(r);
    assertTrue(f.message().contains("夹带") && f.message().contains("Windows 可执行程序"),
        f.message());
  }

  @Test
  void pdfCarryingAZipIsAPolyglot() {
    byte[] polyglot = Samples.concat(Samples.pdf(1),
        Samples.zip("payload.txt", "hidden".getBytes()));
    PreReviewResult r = reviewer.review(List.of(Samples.license()),
        List.of(file(Samples.LICENSE, "营业执照.pdf", polyglot)));
    Finding f = hostile(r);
    assertTrue(f.message().contains("多格式伪装") && f.message().contains("PDF"), f.message());
  }

  @Test
  void imageClaimingBillionsOfPixels() {
    MaterialRequirement photo = Samples.accepting("photo", "门店照片", "image/png");
    PreReviewResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> reviewer.review(List.of(photo),
            List.of(file("photo", "门店.png", Samples.pngClaiming(60_000)))));
    assertTrue(hostile(r).message().contains("60000×60000"), r.findings()::toString);
  }

  @Test
  void aFileThatCannotBeExaminedInTimeIsRefusedAndTheCallerIsNotStalled() {
    try (PreReviewer impatient = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false)
        .withOcrEnabled(false).withParseTimeout(Duration.ofMillis(500)))) {
      SubmittedFile stalling = new SubmittedFile(Samples.LICENSE, "营业执照.pdf", 1000,
          () -> new InputStream() {
            @Override
            public int read() {
              try {
                Thread.sleep(60_000); // a stream (or a parser) that never finishes
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return -1;
            }
          });
      long start = System.nanoTime();
      PreReviewResult r = impatient.review(List.of(Samples.license()), List.of(stalling));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, "returned after " + millis + " ms");
      Finding f = hostile(r);
      assertTrue(f.message().contains("秒内未能检查完毕"), f.message());
    }
  }

  @Test
  void shellScriptNamedPdf() {
    byte[] script = "#!/bin/sh\nrm -rf / --no-preserve-root\n".getBytes();
    PreReviewResult r = reviewer.review(List.of(Samples.license()),
        List.of(file(Samples.LICENSE, "营业执照.pdf", script)));
    assertTrue(hostile(r).message().contains("脚本"), r.findings()::toString);
    Set<FindingCode> codes = PreReviewerTest.codes(r);
    assertTrue(codes.contains(FindingCode.TYPE_MISMATCH), r.findings()::toString);
  }

  @Test
  void noOcrInspectorPath() {
    // the inspector alone: a bomb is hostile, not parsed, its type known
    try (ContentInspector inspector = new ContentInspector(
        PreReviewer.Options.defaults().withTesseract(Path.of("/nonexistent/tesseract")))) {
      Inspection i = inspector.inspect(file(ARCHIVE, "a.zip", Samples.zipBomb(64)), 1 << 24);
      assertEquals(Inspection.Hostility.DECOMPRESSION_BOMB, i.hostile());
      assertEquals("application/zip", i.contentType());
      assertEquals(null, i.facts().pages());
    }
  }
}
