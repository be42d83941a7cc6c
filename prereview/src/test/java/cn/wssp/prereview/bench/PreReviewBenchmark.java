package cn.wssp.prereview.bench;

import cn.wssp.prereview.BenchSupport;
import cn.wssp.prereview.ContentInspector;
import cn.wssp.prereview.Inspection;
import cn.wssp.prereview.MaterialRequirement;
import cn.wssp.prereview.PreReviewResult;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.prereview.SubmittedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Speed of the pre-review (issue 7): detection, extraction and OCR per document, in this JVM and
 * in the pool of worker JVMs, the verdict of a four-material application, a file in a fresh JVM
 * (the design before the pool) and the tesseract program alone on the same image. Generates its
 * corpus, warms up, then prints a Markdown table and writes it to prereview/target/bench.md.
 * Not run by {@code mvn verify}; run it with
 *
 * <pre>
 * mvn -pl prereview -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.wssp.prereview.bench.PreReviewBenchmark [-Dbench.rounds=20]
 * </pre>
 *
 * Numbers are wall-clock, one document at a time, so documents/s is 1000 / mean ms.
 */
public final class PreReviewBenchmark {
  private final int rounds = Integer.getInteger("bench.rounds", 20);
  private final int warmUp = Integer.getInteger("bench.warmup", 3);
  private final StringBuilder table = new StringBuilder();
  private final Path work;

  private PreReviewBenchmark() throws IOException {
    work = Files.createTempDirectory("prereview-bench-");
  }

  public static void main(String[] args) throws Exception {
    new PreReviewBenchmark().run();
    System.exit(0); // exec:java waits for non-daemon threads otherwise
  }

  private record Doc(String label, String name, byte[] bytes) {
    SubmittedFile file() {
      return BenchSupport.file("m", name, bytes);
    }
  }

  private void run() throws Exception {
    List<Doc> text = List.of(
        new Doc("PDF 1 页", "营业执照.pdf", BenchSupport.chinesePdf(1)),
        new Doc("PDF 10 页", "章程.pdf", BenchSupport.chinesePdf(10)),
        new Doc("PDF 100 页", "图纸说明.pdf", BenchSupport.chinesePdf(100)),
        new Doc("DOCX", "申请书.docx", BenchSupport.docx()));
    Doc png = new Doc("执照扫描 PNG", "营业执照.png", BenchSupport.licencePng());
    Path pngFile = work.resolve("licence.png");
    Files.write(pngFile, png.bytes());

    String load0 = loadAverage();
    table.append("| Step | Document | Mode | n | p50 ms | p95 ms | docs/s |\n")
        .append("|---|---|---|---:|---:|---:|---:|\n");

    PreReviewer.Options inProcess = PreReviewer.Options.defaults().withIsolation(false);
    try (PreReviewer detector = new PreReviewer(inProcess.withOcrEnabled(false))) {
      for (Doc d : concat(text, png)) {
        byte[] head = java.util.Arrays.copyOf(d.bytes(),
            Math.min(d.bytes().length, ContentInspector.DETECT_BYTES));
        measure("detection", d.label(), "in-process", rounds,
            () -> detector.detectType(head, d.name()));
      }
    }

    try (ContentInspector inspector = new ContentInspector(inProcess.withOcrEnabled(false))) {
      for (Doc d : text) {
        measure("extraction", d.label(), "in-process", rounds(d),
            () -> expectText(inspector.inspect(d.file(), 200L << 20)));
      }
    }
    PreReviewer.Options pooled = PreReviewer.Options.defaults();
    try (BenchSupport.Pool pool = new BenchSupport.Pool(pooled.withOcrEnabled(false))) {
      for (Doc d : text) {
        measure("extraction", d.label(), "worker pool", rounds(d),
            () -> expectText(pool.inspect(d.file())));
      }
    }

    int ocrRounds = Math.max(3, rounds / 4);
    measure("OCR", png.label(), "tesseract CLI", ocrRounds, () -> tesseractCli(pngFile));
    try (ContentInspector inspector = new ContentInspector(inProcess)) {
      measure("OCR", png.label(), "in-process", ocrRounds,
          () -> expectText(inspector.inspect(png.file(), 200L << 20)));
    }
    try (BenchSupport.Pool pool = new BenchSupport.Pool(pooled)) {
      measure("OCR", png.label(), "worker pool", ocrRounds,
          () -> expectText(pool.inspect(png.file())));
    }

    List<MaterialRequirement> materials = List.of(
        BenchSupport.material("business-license", "营业执照副本"),
        BenchSupport.material("articles", "公司章程"),
        BenchSupport.material("application-form", "申请书"),
        BenchSupport.material("id-card", "法定代表人身份证明"));
    List<SubmittedFile> application = List.of(
        BenchSupport.file("business-license", "营业执照.pdf", text.get(0).bytes()),
        BenchSupport.file("articles", "章程.pdf", text.get(1).bytes()),
        BenchSupport.file("application-form", "申请书.docx", text.get(3).bytes()),
        BenchSupport.file("id-card", "身份证明.pdf", text.get(0).bytes()));
    try (PreReviewer reviewer = new PreReviewer(pooled)) {
      measure("verdict", "4 份文字材料", "worker pool", rounds, () -> {
        PreReviewResult r = reviewer.review(materials, application);
        if (r.facts().size() != 4) {
          throw new IllegalStateException("not all examined: " + r);
        }
        return r;
      });
    }

    int coldRounds = Math.max(2, rounds / 10);
    measure("extraction", text.get(0).label(), "fresh JVM per file (before)", coldRounds, 0, () -> {
      try (BenchSupport.Pool once = new BenchSupport.Pool(pooled.withOcrEnabled(false)
          .withWorkerPoolSize(1))) {
        return expectText(once.inspect(text.get(0).file()));
      }
    });

    String load1 = loadAverage();
    StringBuilder report = new StringBuilder();
    report.append("# Pre-review benchmark\n\n")
        .append(String.format(Locale.ROOT, "%d rounds after %d warm-up rounds (OCR: %d, fresh JVM:"
            + " %d); one document at a time.%n%n", rounds, warmUp, ocrRounds, coldRounds))
        .append("Machine: ").append(Runtime.getRuntime().availableProcessors())
        .append(" processors, ").append(cpuModel()).append("; pool of ")
        .append(Math.min(pooled.workerPoolSize(), Runtime.getRuntime().availableProcessors()))
        .append(" workers; licence image font: ").append(BenchSupport.licenceFont()).append("\n\n")
        .append("Load average (1 5 15 min) before: ").append(load0).append("; after: ")
        .append(load1).append("\n\n")
        .append(table);
    System.out.println();
    System.out.println(report);
    Path out = Path.of("target", "bench.md");
    if (!Files.isDirectory(Path.of("target")) && Files.isDirectory(Path.of("prereview", "target"))) {
      out = Path.of("prereview", "target", "bench.md");
    }
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println("written to " + out.toAbsolutePath());
  }

  private int rounds(Doc d) {
    return d.label().contains("100") ? Math.max(3, rounds / 4) : rounds;
  }

  private static <T> List<T> concat(List<T> a, T b) {
    List<T> r = new ArrayList<>(a);
    r.add(b);
    return r;
  }

  private static Inspection expectText(Inspection i) {
    if (i.hostile() != null || i.text() == null || i.text().isBlank()) {
      throw new IllegalStateException("no text: " + i.hostile() + " " + i.ocr() + " "
          + i.problem());
    }
    return i;
  }

  private void measure(String step, String doc, String mode, int n, Callable<?> task)
      throws Exception {
    measure(step, doc, mode, n, warmUp, task);
  }

  private void measure(String step, String doc, String mode, int n, int warm, Callable<?> task)
      throws Exception {
    for (int i = 0; i < warm; i++) {
      task.call();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      task.call();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(ms).average().orElse(0);
    String row = String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.0f | %.1f |%n", step,
        doc, mode, n, percentile(sorted, 50), percentile(sorted, 95), 1000 / mean);
    table.append(row);
    System.out.print(row);
  }

  /** Nearest-rank percentile. */
  private static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The tesseract program alone: {@code tesseract img out -l chi_sim+eng}. */
  private Object tesseractCli(Path image) throws Exception {
    Path base = work.resolve("cli-out");
    Process p = new ProcessBuilder("tesseract", image.toString(), base.toString(), "-l",
        "chi_sim+eng").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("tesseract failed");
    }
    return Files.readString(Path.of(base + ".txt"));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
