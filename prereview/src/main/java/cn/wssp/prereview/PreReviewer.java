package cn.wssp.prereview;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The automatic completeness pre-review (§4): inspects every submitted file, runs the checks for
 * every material of the matter, and proposes a verdict to the window clerk.
 *
 * <p>Thread-safe: construct once (it probes for Tesseract and loads Tika), reuse for every
 * application, {@link #close()} at shutdown. Its worker threads are daemons.
 */
public final class PreReviewer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PreReviewer.class.getName());

  private final Options options;
  private final ContentInspector inspector;
  /** Examines files in worker JVMs; null when {@link Options#isolated()} is false. */
  private final IsolatedInspector isolated;
  private final List<MaterialCheck> checks;
  /** Inspections of files already examined, by SHA-256 (resubmissions after a supplement). */
  private final InspectionCache examined = new InspectionCache(TEXT_KEPT_CHARS);
  /** Files examined, not taken from {@link #examined} (for tests). */
  private final java.util.concurrent.atomic.AtomicLong inspections =
      new java.util.concurrent.atomic.AtomicLong();
  /**
   * The text the kept inspections may hold together: 16 M characters (about 32 MB), the files of
   * some thousand applications of ordinary text.
   */
  static final long TEXT_KEPT_CHARS = 16L << 20;

  /**
   * Default options (each file examined in a worker JVM, see RULES.md "Isolation"), standard
   * checks. The production constructor.
   */
  public PreReviewer() {
    this(Options.defaults());
  }

  public PreReviewer(Options options) {
    this(options, defaultChecks());
  }

  /**
   * @param checks run in this order for every material; start from {@link #defaultChecks()} to add
   *     rules
   */
  public PreReviewer(Options options, List<MaterialCheck> checks) {
    this.options = Objects.requireNonNull(options, "options");
    this.checks = List.copyOf(checks);
    this.inspector = new ContentInspector(options);
    this.isolated = options.isolated() ? new IsolatedInspector(options) : null;
  }

  /** Whether files are examined in worker JVMs (the default). */
  public boolean isolated() {
    return isolated != null;
  }

  /** The worker JVM that examined the last file, 0 if none (for tests). */
  long lastWorkerPid() {
    return isolated != null ? isolated.lastWorkerPid() : 0;
  }

  /** Worker JVMs running or starting (for tests). */
  int liveWorkers() {
    return isolated != null ? isolated.liveWorkers() : 0;
  }

  private Inspection inspect(SubmittedFile file, long maxBytes) {
    InspectionCache.Key key = InspectionCache.keyOf(file, maxBytes);
    Inspection known = examined.get(key);
    if (known != null) {
      return known;
    }
    inspections.incrementAndGet();
    Inspection found = isolated != null ? isolated.inspect(file, maxBytes)
        : inspector.inspect(file, maxBytes);
    examined.keep(key, found);
    return found;
  }

  /** Files examined so far, not taken from those already examined (for tests). */
  long inspections() {
    return inspections.get();
  }

  /** The standard checks in their order, as a new list one may extend. */
  public static List<MaterialCheck> defaultChecks() {
    return new ArrayList<>(StandardChecks.all());
  }

  public Options options() {
    return options;
  }

  /**
   * The media type of an uploaded file, detected from its first bytes, at most {@link
   * ContentInspector#DETECT_BYTES} of them (see ContentInspector).
   */
  public String detectType(byte[] head, String fileName) throws java.io.IOException {
    return inspector.detectType(head, fileName);
  }

  /** Whether images and scanned PDFs are OCR'd; detected once, at construction. */
  public boolean ocrAvailable() {
    return inspector.ocrAvailable();
  }

  /** The tesseract used, or why OCR is unavailable; for logs and health pages. */
  public String ocrStatus() {
    return inspector.ocrStatus();
  }

  /**
   * Reviews one application.
   *
   * @param requirements the matter's materials, in the order findings should be listed
   * @param files the submitted files; files for codes not in {@code requirements} are ignored with
   *     a WARNING
   * @return every finding, the facts of each inspected file (keyed by material code; the first
   *     file when a material has several) and the proposed verdict
   * @throws java.io.UncheckedIOException when a file's content cannot be read from storage
   */
  public PreReviewResult review(List<MaterialRequirement> requirements, List<SubmittedFile> files) {
    Objects.requireNonNull(requirements, "requirements");
    return review(RuleSet.fromRequirements(requirements), files);
  }

  PreReviewResult review(RuleSet rules, List<SubmittedFile> files) {
    return review(rules, null, LocalDate.now(), files);
  }

  /**
   * Reviews one application against a matter's rule set (RULES.md): per file the standard checks,
   * then the material's content checks (only on a file without a blocking finding whose text could
   * be read), then the matter-level checks across materials.
   *
   * @param rules the matter's rule set ({@link RuleSet#parse})
   * @param applicant the enterprise applying (credit code and name rules compare with it); null
   *     when unknown, which skips those comparisons
   * @param today the review day, for expiry dates
   * @param files the submitted files; files for codes not in the rule set are ignored with a
   *     WARNING
   * @return every finding with its evidence, the facts of each inspected file, the verdict and
   *     the rule set's version
   * @throws java.io.UncheckedIOException when a file's content cannot be read from storage
   */
  public PreReviewResult review(RuleSet rules, Applicant applicant, LocalDate today,
      List<SubmittedFile> files) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(files, "files");
    Map<String, MaterialRule> byCode = new LinkedHashMap<>();
    for (MaterialRule m : rules.materials()) {
      byCode.putIfAbsent(m.code(), m);
    }
    Map<String, List<SubmittedFile>> filesByCode = new LinkedHashMap<>();
    List<SubmittedFile> unknown = new ArrayList<>();
    for (SubmittedFile f : files) {
      if (byCode.containsKey(f.materialCode())) {
        filesByCode.computeIfAbsent(f.materialCode(), c -> new ArrayList<>()).add(f);
      } else {
        unknown.add(f);
      }
    }

    Prefetch prefetch = new Prefetch(filesByCode, byCode);
    try {
      return review(rules, applicant, today, byCode, filesByCode, unknown, prefetch);
    } finally {
      prefetch.cancel();
    }
  }

  private PreReviewResult review(RuleSet rules, Applicant applicant, LocalDate today,
      Map<String, MaterialRule> byCode, Map<String, List<SubmittedFile>> filesByCode,
      List<SubmittedFile> unknown, Prefetch prefetch) {
    List<Finding> findings = new ArrayList<>();
    Map<String, FileFacts> facts = new LinkedHashMap<>();
    Map<String, Inspection> readable = new LinkedHashMap<>();
    for (MaterialRule m : byCode.values()) {
      MaterialRequirement r = m.requirement();
      List<SubmittedFile> submitted = filesByCode.getOrDefault(r.code(), List.of());
      if (submitted.isEmpty()) {
        findings.addAll(run(new CheckContext(r, null, limit(r), this::inspectNone, applicant,
            today), checks));
      }
      List<MaterialCheck> content = CheckLibrary.material(m.checks());
      for (SubmittedFile f : submitted) {
        CheckContext ctx = new CheckContext(r, f, limit(r),
            file -> prefetch.inspection(file, limit(r)), applicant, today);
        run(ctx, checks);
        Inspection i = ctx.inspectionIfAny();
        if (i != null && !ctx.stopped() && !ctx.blocked() && textReadable(i)) {
          run(ctx, content);
          readable.putIfAbsent(r.code(), i);
        }
        findings.addAll(ctx.findings());
        if (i != null && i.examined()) {
          facts.putIfAbsent(r.code(), i.facts());
        }
      }
    }
    for (CheckSpec s : rules.matterChecks()) {
      try {
        findings.addAll(CheckLibrary.matter(s, rules, readable, applicant));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "预审事项级规则 " + s.path() + " 出错", e);
      }
    }
    for (SubmittedFile f : unknown) {
      String code = String.valueOf(f.materialCode());
      findings.add(new Finding(f.materialCode(), FindingCode.UNKNOWN_MATERIAL, Severity.WARNING,
          Messages.format("UNKNOWN_MATERIAL", code, f.fileName())));
    }
    Map<String, MaterialRequirement> requirements = new LinkedHashMap<>();
    byCode.forEach((code, m) -> requirements.put(code, m.requirement()));
    return new PreReviewResult(verdict(findings, requirements), List.copyOf(findings),
        Collections.unmodifiableMap(facts), rules.version());
  }

  /**
   * With worker JVMs, the application's files are examined side by side as soon as the review
   * starts (as many at once as there are workers); the checks then take each result when they
   * first ask for it. In this JVM each file is examined when first asked for.
   */
  private final class Prefetch {
    private final Map<SubmittedFile, java.util.concurrent.Future<Inspection>> started =
        new java.util.IdentityHashMap<>();

    Prefetch(Map<String, List<SubmittedFile>> filesByCode, Map<String, MaterialRule> byCode) {
      int files = filesByCode.values().stream().mapToInt(List::size).sum();
      if (isolated == null || files < 2) {
        return;
      }
      filesByCode.forEach((code, list) -> {
        long limit = limit(byCode.get(code).requirement());
        for (SubmittedFile f : list) {
          started.put(f, PARALLEL.submit(() -> inspect(f, limit)));
        }
      });
    }

    Inspection inspection(SubmittedFile file, long maxBytes) {
      java.util.concurrent.Future<Inspection> f = started.get(file);
      if (f == null) {
        return inspect(file, maxBytes);
      }
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("pre-review interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re; // storage failure (UncheckedIOException) and the like, as without prefetch
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    void cancel() {
      started.values().forEach(f -> f.cancel(false));
    }
  }

  /** Threads that hand files to the worker JVMs; they only wait. */
  private static final java.util.concurrent.ExecutorService PARALLEL =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "prereview-prefetch");
        t.setDaemon(true);
        return t;
      });

  /** Content rules can judge the text: it was there, or OCR read it. */
  private static boolean textReadable(Inspection i) {
    return i.examined() && i.hostile() == null
        && i.ocr() != Inspection.OcrStatus.UNAVAILABLE && i.ocr() != Inspection.OcrStatus.FAILED;
  }

  private List<Finding> run(CheckContext ctx, List<MaterialCheck> checks) {
    for (MaterialCheck check : checks) {
      try {
        check.check(ctx);
      } catch (CheckContext.Stop stop) {
        break;
      } catch (RuntimeException e) {
        if (e instanceof java.io.UncheckedIOException io) {
          throw io; // storage failure: no judgement possible, let the caller retry
        }
        // A faulty rule must not sink the whole pre-review; the clerk still sees the others.
        LOG.log(Level.SEVERE, "预审规则 " + check.getClass().getName() + " 出错（材料 "
            + ctx.requirement().code() + "）", e);
      }
      if (ctx.stopped()) {
        break;
      }
    }
    return ctx.findings();
  }

  private Inspection inspectNone(SubmittedFile none) {
    throw new IllegalStateException("no file");
  }

  private long limit(MaterialRequirement r) {
    return r.maxBytes() > 0 ? r.maxBytes() : options.defaultMaxBytes();
  }

  /**
   * INCOMPLETE if a blocking finding concerns a material that is not commitable (or the
   * application as a whole); COMPLETE_WITH_COMMITMENT if every blocking finding concerns a
   * commitable (容缺) material; COMPLETE otherwise.
   */
  static Verdict verdict(List<Finding> findings, Map<String, MaterialRequirement> byCode) {
    boolean blocking = false;
    for (Finding f : findings) {
      if (f.severity() != Severity.BLOCKING) {
        continue;
      }
      blocking = true;
      MaterialRequirement r = f.materialCode() == null ? null : byCode.get(f.materialCode());
      if (r == null || !r.commitable()) {
        return Verdict.INCOMPLETE;
      }
    }
    return blocking ? Verdict.COMPLETE_WITH_COMMITMENT : Verdict.COMPLETE;
  }

  @Override
  public void close() {
    if (isolated != null) {
      isolated.close();
    }
    inspector.close();
  }

  /**
   * Settings of the pre-review. Start from {@link #defaults()} and change with the {@code with...}
   * methods.
   *
   * @param parseTimeout per file: reading, detection, archive scan and parsing together
   * @param ocrTimeout per file: OCR of its image or scanned pages
   * @param maxTextChars most characters of text kept per file
   * @param ocrEnabled false turns OCR off (files needing it then get OCR_UNAVAILABLE)
   * @param tesseract the tesseract program; null looks for "tesseract" on the PATH
   * @param ocrLanguages Tesseract languages, all of which must be installed
   * @param defaultMaxBytes size limit for materials that set none (maxBytes 0)
   * @param maxImagePixels images with more pixels are decompression bombs
   * @param tempDir where files are copied while examined; null for java.io.tmpdir
   * @param isolated examine each file in a separate JVM ({@link InspectionWorker}), killed at
   *     {@code workerTimeout}; false examines it in this JVM (threads cancelled at the timeouts)
   * @param workerMaxHeapMb the worker JVM's -Xmx, in MB
   * @param workerTimeout wall-clock limit of one file in a worker (the worker is killed when it
   *     passes it); null for
   *     parseTimeout + ocrTimeout + 20 s
   * @param workerClassPath class path of the worker JVM; null to take this library's class
   *     loaders' (URLClassLoader) entries and java.class.path
   * @param workerPoolSize most worker JVMs kept running (never more than the processors)
   * @param workerMaxFiles files one worker JVM examines before it is replaced
   */
  public record Options(
      Duration parseTimeout,
      Duration ocrTimeout,
      int maxTextChars,
      boolean ocrEnabled,
      Path tesseract,
      String ocrLanguages,
      long defaultMaxBytes,
      long maxImagePixels,
      Path tempDir,
      boolean isolated,
      int workerMaxHeapMb,
      Duration workerTimeout,
      String workerClassPath,
      int workerPoolSize,
      int workerMaxFiles) {

    public Options {
      Objects.requireNonNull(parseTimeout, "parseTimeout");
      Objects.requireNonNull(ocrTimeout, "ocrTimeout");
      Objects.requireNonNull(ocrLanguages, "ocrLanguages");
      if (parseTimeout.isNegative() || parseTimeout.isZero() || ocrTimeout.isNegative()
          || ocrTimeout.isZero() || (workerTimeout != null
              && (workerTimeout.isNegative() || workerTimeout.isZero()))) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
      if (maxTextChars <= 0 || defaultMaxBytes <= 0 || maxImagePixels <= 0
          || workerMaxHeapMb <= 0 || workerPoolSize <= 0 || workerMaxFiles <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    /** The settings before isolation existed: in-process parsing. */
    public Options(Duration parseTimeout, Duration ocrTimeout, int maxTextChars,
        boolean ocrEnabled, Path tesseract, String ocrLanguages, long defaultMaxBytes,
        long maxImagePixels, Path tempDir) {
      this(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract, ocrLanguages,
          defaultMaxBytes, maxImagePixels, tempDir, false, 512, null, null, 4, 1000);
    }

    /**
     * 30 s to parse, 120 s to OCR, 1 000 000 characters, chi_sim+eng, 100 MB, 200 megapixels;
     * isolated in a worker JVM of at most 512 MB, killed after 170 s.
     */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(30), Duration.ofSeconds(120), 1_000_000, true, null,
          "chi_sim+eng", 100L * 1024 * 1024, 200_000_000L, null, true, 512, null, null, 4, 1000);
    }

    public Options withParseTimeout(Duration d) {
      return new Options(d, ocrTimeout, maxTextChars, ocrEnabled, tesseract, ocrLanguages,
          defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withOcrTimeout(Duration d) {
      return new Options(parseTimeout, d, maxTextChars, ocrEnabled, tesseract, ocrLanguages,
          defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withMaxTextChars(int n) {
      return new Options(parseTimeout, ocrTimeout, n, ocrEnabled, tesseract, ocrLanguages,
          defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withOcrEnabled(boolean enabled) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, enabled, tesseract, ocrLanguages,
          defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    /** Uses this tesseract program (it must be named "tesseract"); e.g. a path that does not exist
     * to test the branch without OCR. */
    public Options withTesseract(Path program) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, program, ocrLanguages,
          defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withOcrLanguages(String languages) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract, languages,
          defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withDefaultMaxBytes(long bytes) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, bytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withMaxImagePixels(long pixels) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, pixels, tempDir, isolated, workerMaxHeapMb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withTempDir(Path dir) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, dir, isolated, workerMaxHeapMb,
          workerTimeout, workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    /** false parses in this JVM (faster; for tests and tools): see {@link #isolated()}. */
    public Options withIsolation(boolean isolate) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, tempDir, isolate, workerMaxHeapMb,
          workerTimeout, workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withWorkerMaxHeapMb(int mb) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, tempDir, isolated, mb, workerTimeout,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withWorkerTimeout(Duration d) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb, d,
          workerClassPath,
          workerPoolSize, workerMaxFiles);
    }

    public Options withWorkerClassPath(String classPath) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb,
          workerTimeout, classPath,
          workerPoolSize, workerMaxFiles);
    }

    /**
     * At most this many worker JVMs (never more than there are processors); each is started once
     * and examines many files.
     */
    public Options withWorkerPoolSize(int n) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb,
          workerTimeout, workerClassPath, n, workerMaxFiles);
    }

    /** A worker JVM is replaced after this many files, to bound what parsers leak. */
    public Options withWorkerMaxFiles(int n) {
      return new Options(parseTimeout, ocrTimeout, maxTextChars, ocrEnabled, tesseract,
          ocrLanguages, defaultMaxBytes, maxImagePixels, tempDir, isolated, workerMaxHeapMb,
          workerTimeout, workerClassPath, workerPoolSize, n);
    }

    /** How many worker JVMs run: {@link #workerPoolSize()}, at most the processors. */
    public int effectiveWorkerPoolSize() {
      return Math.max(1, Math.min(workerPoolSize, Runtime.getRuntime().availableProcessors()));
    }

    /** The worker's wall-clock limit: {@link #workerTimeout()} or parse + OCR + 20 s. */
    Duration effectiveWorkerTimeout() {
      return workerTimeout != null ? workerTimeout
          : parseTimeout.plus(ocrTimeout).plusSeconds(20);
    }

    /** The temporary directory to use: {@link #tempDir()} or java.io.tmpdir. */
    Path effectiveTempDir() {
      return tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
    }
  }
}
