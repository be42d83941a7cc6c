package cn.wssp.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speed of issuing a decision (issue 9): the phases of render → seal → sign → timestamp →
 * validation data (PAdES B-LT), per seal algorithm, sequential p50/p95 and concurrent
 * decisions/s, and the raw signatures/s of each algorithm next to {@code openssl speed} on the
 * same machine. Storing the PDF in the object store is measured with the portal (bench/README.md);
 * here the in-process part. Not run by {@code mvn verify}; run it with
 *
 * <pre>
 * mvn -pl signing -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.wssp.signing.SigningBenchmark [-Dbench.rounds=100 -Dbench.threads=4]
 * </pre>
 *
 * Prints a Markdown report and writes it to signing/target/bench.md.
 */
public final class SigningBenchmark {
  private final int rounds = Integer.getInteger("bench.rounds", 100);
  private final int warmUp = Integer.getInteger("bench.warmup", 20);
  private final int threads = Integer.getInteger("bench.threads", 4);
  private final int seconds = Integer.getInteger("bench.seconds", 10);
  private final StringBuilder table = new StringBuilder();

  public static void main(String[] args) throws Exception {
    new SigningBenchmark().run();
    System.exit(0); // exec:java waits for non-daemon threads otherwise
  }

  private void run() throws Exception {
    Path dir = Files.createTempDirectory("signing-bench-");
    SealAuthority authority =
        SealAuthority.openOrCreate(dir.resolve("pki"), "bench".toCharArray(), "某某市政务服务中心");
    InternalTimestampAuthority tsa = authority.timestampAuthority();
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    OfficialDocument document = SampleDocuments.decision(1);
    byte[] rendered = renderer.render(document);
    SealPlacement place = renderer.sealPlacement(rendered, 0);
    SignatureRequest request =
        new SignatureRequest("seal-1", place, "某某市市场监督管理局", "张三", "准予行政许可", "某某市政务服务中心");
    PadesSigner bB = new PadesSigner();
    PadesSigner bT = new PadesSigner(tsa);
    PadesSigner bLt = new PadesSigner(tsa, authority, authority);
    String load0 = loadAverage();

    table.append("| Step | Seal | n | p50 ms | p95 ms | per second (1 thread) |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    measure("render (PDF/A, fonts, QR)", "-", () -> renderer.render(document));
    for (SealAlgorithm algorithm : SealAlgorithm.values()) {
      SealToken seal = authority.sealFor("BENCH-" + algorithm.name().replace('_', '-'),
          "某某市市场监督管理局", algorithm);
      String label = algorithm.name();
      measure("sign B-B (seal image, CMS)", label, () -> bB.sign(rendered, seal, request));
      measure("sign B-T (+ timestamp)", label, () -> bT.sign(rendered, seal, request));
      measure("sign B-LT (+ OCSP, CRLs)", label, () -> bLt.sign(rendered, seal, request));
      measure("render + sign B-LT (a decision)", label,
          () -> bLt.sign(renderer.render(document), seal, request));
    }
    measure("timestamp token alone", "RSA TSA", () -> tsa.timestampToken(new byte[32]));

    StringBuilder concurrent = new StringBuilder();
    concurrent.append("| Seal | threads | seconds | decisions | decisions/s |\n|---|---:|---:|---:|---:|\n");
    for (SealAlgorithm algorithm : SealAlgorithm.values()) {
      SealToken seal = authority.sealFor("BENCH-" + algorithm.name().replace('_', '-'),
          "某某市市场监督管理局", algorithm);
      int done = throughput(() -> bLt.sign(renderer.render(document), seal, request));
      concurrent.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f |%n",
          algorithm, threads, seconds, done, done / (double) seconds));
    }

    StringBuilder raw = new StringBuilder();
    raw.append("| Algorithm | portal (JCA) sign/s | openssl speed sign/s | ratio |\n|---|---:|---:|---:|\n");
    byte[] attributes = new byte[120]; // about the size of the signed attributes signed
    String[][] opensslNames = {{"RSA", "rsa2048"}, {"ECDSA_P256", "ecdsap256"}, {"SM2", "sm2"}};
    for (String[] names : opensslNames) {
      SealAlgorithm algorithm = SealAlgorithm.valueOf(names[0]);
      // The key alone (a Pkcs12SealToken), without the seal's revocation check before each use.
      SealToken seal = new Pkcs12SealToken(algorithm.newKeyPair().getPrivate(),
          authority.sealFor("BENCH-" + algorithm.name().replace('_', '-'),
              "某某市市场监督管理局", algorithm).certificateChain());
      double java = opsPerSecond(() -> seal.sign(attributes));
      double openssl = opensslSignsPerSecond(names[1]);
      raw.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s |%n", algorithm, java,
          openssl > 0 ? String.format(Locale.ROOT, "%.0f", openssl) : "n/a",
          openssl > 0 ? String.format(Locale.ROOT, "%.1f×", openssl / java) : "-"));
    }

    String report = "# Signing benchmark\n\n"
        + String.format(Locale.ROOT, "%d rounds after %d warm-up rounds, one at a time; throughput:"
            + " %d threads for %d s each.%n%n", rounds, warmUp, threads, seconds)
        + "Machine: " + Runtime.getRuntime().availableProcessors() + " processors, " + cpuModel()
        + ", Java " + System.getProperty("java.version") + "\n\n"
        + "Load average (1 5 15 min) before: " + load0 + "; after: " + loadAverage() + "\n\n"
        + "## One at a time\n\n" + table + "\n## Concurrent (render + sign B-LT)\n\n" + concurrent
        + "\n## Raw signatures\n\n" + raw;
    System.out.println();
    System.out.println(report);
    Path out = Files.isDirectory(Path.of("signing", "target"))
        ? Path.of("signing", "target", "bench.md") : Path.of("target", "bench.md");
    Files.writeString(out, report);
  }

  private void measure(String step, String seal, Callable<?> action) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      action.call();
    }
    long[] ns = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      action.call();
      ns[i] = System.nanoTime() - t0;
    }
    Arrays.sort(ns);
    double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
    table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |%n", step, seal,
        rounds, ns[rounds / 2] / 1e6, ns[(int) Math.ceil(rounds * 0.95) - 1] / 1e6, 1000 / mean));
    System.out.print(".");
  }

  private int throughput(Callable<?> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < warmUp; i++) {
      action.call();
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          action.call();
          done.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return done.get();
  }

  private static double opsPerSecond(Callable<?> action) throws Exception {
    for (int i = 0; i < 200; i++) {
      action.call();
    }
    long t0 = System.nanoTime();
    long end = t0 + 3_000_000_000L;
    int n = 0;
    while (System.nanoTime() < end) {
      action.call();
      n++;
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** "sign/s" of {@code openssl speed -seconds 3 NAME}; 0 if openssl is missing or silent. */
  private static double opensslSignsPerSecond(String name) {
    try {
      Process p = new ProcessBuilder("openssl", "speed", "-seconds", "3", name)
          .redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      for (String line : text.split("\n")) {
        String[] f = line.trim().split("\\s+");
        // rsa:  "rsa 2048 bits 0.000812s 0.000024s   1231.5  41255.4"
        // ecdsa: "256 bits ecdsa (nistp256)   0.0000s   0.0001s  40210.1  13244.4"
        // sm2:  "256 bits SM2 (CurveSM2)   0.0002s   0.0003s   5000.0   3000.0"
        boolean match = name.startsWith("rsa") ? line.trim().startsWith("rsa 2048")
            : name.equals("sm2") ? line.contains("SM2 (")
            : line.contains("ecdsa (nistp256)");
        if (match && f.length >= 2) {
          return Double.parseDouble(f[f.length - 2]);
        }
      }
    } catch (Exception e) {
      // reported as n/a
    }
    return 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1] + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("CPU model unknown");
    } catch (Exception e) {
      return "CPU model unknown";
    }
  }
}
