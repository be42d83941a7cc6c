package cn.wssp.prereview;

import cn.wssp.prereview.Inspection.Hostility;
import cn.wssp.prereview.Inspection.OcrStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.tika.mime.MediaType;

/**
 * Step one and two of the pre-review, detect and extract (Apache Tika behind it): learns what a
 * submitted file really is, without judging it. Thread-safe; build once, reuse, close at shutdown.
 *
 * <p>Per file: the content is copied to a temporary file, never more than the limit plus one byte
 * (a larger file is reported {@code overLimit} and not examined); its type is detected from the
 * bytes; programs and scripts are not parsed; ZIP-based, gzip and bzip2 files are scanned for
 * decompression bombs first; a file that also carries a ZIP at its end is a polyglot; the rest is
 * parsed by Tika with a cap on text, and images and scanned PDF pages are OCR'd when Tesseract is
 * available. Detection, scanning and parsing run under {@link PreReviewer.Options#parseTimeout()},
 * OCR under {@link PreReviewer.Options#ocrTimeout()}, so a hostile file never stalls the caller.
 */
public final class ContentInspector implements AutoCloseable {
  /** How much of an upload's start {@link #detectType} needs at most. */
  public static final int DETECT_BYTES = 1 << 20;

  private static final Logger LOG = Logger.getLogger(ContentInspector.class.getName());

  private final PreReviewer.Options options;
  private final TesseractProbe.Result ocr;
  private final TikaEngine tika;
  private final ExecutorService executor;
  private final TesseractOcr ocrRunner;

  public ContentInspector() {
    this(PreReviewer.Options.defaults());
  }

  public ContentInspector(PreReviewer.Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.ocr = TesseractProbe.probe(options.ocrEnabled(), options.tesseract(),
        options.ocrLanguages(), Duration.ofSeconds(20));
    this.tika = new TikaEngine(ocr, options.ocrLanguages());
    this.ocrRunner = tika.ocrReady() ? new TesseractOcr(ocr, options.ocrLanguages()) : null;
    this.executor = Executors.newCachedThreadPool(new Daemons());
    LOG.info(() -> "预审文字识别（OCR）：" + ocrStatus());
  }

  /** Whether images and scanned PDFs will be OCR'd (decided once, at construction). */
  public boolean ocrAvailable() {
    return tika.ocrReady();
  }

  /** One line for logs and health pages: the tesseract used, or why there is none. */
  public String ocrStatus() {
    if (ocrAvailable()) {
      return "可用：" + ocr.executable() + "（" + options.ocrLanguages() + "）";
    }
    return "不可用：" + (ocr.reason() != null ? ocr.reason() : "Tika 未能初始化 tesseract");
  }

  /**
   * The media type of an upload, from its first bytes alone (the name only narrows a generic
   * container such as a ZIP that is a docx). Uploads stream to the store, so only their head
   * ({@link #DETECT_BYTES}) is at hand: magic numbers sit at the start, and an office document's
   * {@code [Content_Types].xml} is its first ZIP entry. For recording uploads; the full
   * examination is {@link #inspect}.
   */
  public String detectType(byte[] head, String fileName) throws IOException {
    MediaType content = tika.detect(head, null);
    MediaType named = tika.types.forName(fileName);
    // Detection is most of an upload's CPU in the portal (magic patterns over the first 64 KB):
    // the second pass, with the name, runs only where its answer can count.
    MediaType hinted = tika.types.nameMayNarrow(content, named) ? tika.detect(head, fileName) : null;
    return tika.types.narrow(content, hinted, named).toString();
  }

  /**
   * Examines one file.
   *
   * @param maxBytes the most bytes that will be read; beyond it the file is {@code overLimit}
   * @throws UncheckedIOException when the file's content cannot be read (storage failure): no
   *     judgement on the applicant's file can be made, the caller should retry
   */
  public Inspection inspect(SubmittedFile file, long maxBytes) {
    Objects.requireNonNull(file, "file");
    Path tmp;
    try {
      tmp = Files.createTempFile(options.effectiveTempDir(), "prereview-", ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for the pre-review", e);
    }
    Pass p = new Pass();
    try {
      Future<?> first = executor.submit(() -> {
        firstPass(file, maxBytes, tmp, p);
        return null;
      });
      try {
        first.get(options.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        first.cancel(true);
        LOG.warning(() -> "预审超时：" + file.fileName() + "（" + options.parseTimeout() + "）");
        return p.abandoned(Hostility.TIMEOUT,
            String.valueOf(Math.max(1, options.parseTimeout().toSeconds())));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw new UncheckedIOException("cannot read " + file.fileName(), io);
        }
        if (cause instanceof OutOfMemoryError) {
          LOG.log(Level.WARNING, "预审耗尽内存：" + file.fileName(), cause);
          return p.abandoned(Hostility.RESOURCE_EXHAUSTION, "内存");
        }
        throw new IllegalStateException("pre-review of " + file.fileName() + " failed", cause);
      } catch (InterruptedException e) {
        first.cancel(true);
        Thread.currentThread().interrupt();
        throw new CancellationException("pre-review interrupted");
      }
      if (!p.ocrWanted()) {
        return p.toInspection(options.maxTextChars(), OcrStatus.NOT_NEEDED);
      }
      if (!tika.ocrReady()) {
        return p.toInspection(options.maxTextChars(), OcrStatus.UNAVAILABLE);
      }
      boolean complete = recognize(tmp, p);
      return p.toInspection(options.maxTextChars(), complete ? OcrStatus.DONE : OcrStatus.FAILED);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        tmp.toFile().deleteOnExit();
      }
    }
  }

  /**
   * OCR of an image, or of the PDF pages without text, within the OCR time limit; the pages read go
   * into {@code p.ocrPages}.
   *
   * @return whether every page that needed it was recognised
   */
  private boolean recognize(Path tmp, Pass p) {
    Duration limit = options.ocrTimeout();
    long deadline = System.nanoTime() + limit.toNanos();
    Future<Boolean> f = executor.submit(() -> {
      Path work = options.effectiveTempDir();
      if (!tika.types.isA(p.parseType, MediaTypes.PDF)) {
        TesseractOcr.Result r = ocrRunner.image(tmp, work, deadline);
        if (r != null) {
          p.ocrPages.put(1, r);
        }
        return r != null;
      }
      List<Integer> pages = p.pagesWithoutText();
      List<TesseractOcr.Result> results = ocrRunner.pdfPages(tmp, pages, work, deadline);
      boolean all = true;
      for (int i = 0; i < pages.size(); i++) {
        if (results.get(i) != null) {
          p.ocrPages.put(pages.get(i), results.get(i));
        } else {
          all = false;
        }
      }
      return all;
    });
    try {
      return f.get(limit.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      f.cancel(true);
      LOG.info(() -> "文字识别未完成：" + e);
      return false;
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("pre-review interrupted");
    }
  }

  /** Detect, scan, parse. Runs on a worker thread; results go into {@code p}. */
  private void firstPass(SubmittedFile file, long maxBytes, Path tmp, Pass p) throws IOException {
    long size = spool(file, tmp, maxBytes);
    p.size = size;
    if (size == 0) {
      p.empty = true;
      return;
    }
    if (size > maxBytes) {
      p.overLimit = true;
      return;
    }
    MediaTypes types = tika.types;
    MediaType content = tika.detect(tmp, null);
    MediaType hinted = tika.detect(tmp, file.fileName());
    MediaType named = types.forName(file.fileName());
    // The name may only narrow what the bytes say (a ZIP that is a docx, a text that is CSV) ...
    MediaType detected = types.narrow(content, hinted, named);
    // ... while the parser gets what Tika itself makes of bytes and name.
    p.parseType = types.registry().isSpecializationOf(hinted, content) ? hinted : content;
    p.setTypes(content, detected, named, types.mismatch(content, named));

    String program = types.executableKind(content);
    if (program == null) {
      program = types.executableKind(detected);
    }
    if (program != null) {
      p.hostile(Hostility.EXECUTABLE, Messages.text(program));
      return;
    }
    ArchiveScanner.Format archive = types.isZipBased(content) || types.isZipBased(detected)
        ? ArchiveScanner.Format.ZIP
        : types.isA(content, MediaTypes.GZIP) ? ArchiveScanner.Format.GZIP
        : types.isA(content, MediaTypes.BZIP2) ? ArchiveScanner.Format.BZIP2
        : null;
    if (archive != null) {
      ArchiveScanner.Alarm alarm = ArchiveScanner.scan(tmp, archive);
      if (alarm != null) {
        p.hostile(alarm.kind(), alarm.detail());
        return;
      }
    } else if (trailingZip(tmp)) {
      p.hostile(Hostility.POLYGLOT, types.label(content));
      return;
    }

    TikaEngine.Extract x = tika.extract(tmp, p.parseType, file.fileName(), options.maxTextChars());
    p.extract = x;
    if (x.embeddedExecutable != null) {
      p.hostile(Hostility.EMBEDDED_EXECUTABLE, x.embeddedExecutable);
    } else if (x.bomb) {
      p.hostile(Hostility.DECOMPRESSION_BOMB, "提取出的文字远多于文件本身");
    } else if (x.pixels != null && x.pixels > options.maxImagePixels()) {
      p.hostile(Hostility.DECOMPRESSION_BOMB, "图像 " + x.pixelSize + " 像素");
    }
    if (types.isA(p.parseType, MediaTypes.PDF) && !x.encrypted && hostileNone(p)) {
      PdfStructure.Result pdf;
      try {
        pdf = PdfStructure.examine(tmp, options.maxTextChars());
      } catch (IOException e) {
        pdf = new PdfStructure.Result(List.of(), false, null, true);
      }
      p.pdf = pdf;
      if (pdf != null && (pdf.damage() != null || pdf.unreadable())) {
        x.corrupt = true;
      }
    }
    p.needsOcr = p.pdf != null ? !x.corrupt && !p.pagesWithoutText().isEmpty()
        : tika.needsOcr(p.parseType, x);
  }

  private static boolean hostileNone(Pass p) {
    return p.hostile == null;
  }

  /** Copies at most {@code maxBytes + 1} bytes; returns how many were copied. */
  static long spool(SubmittedFile file, Path tmp, long maxBytes) throws IOException {
    long limit = maxBytes + 1;
    long total = 0;
    try (InputStream in = file.content().open(); OutputStream out = Files.newOutputStream(tmp)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while (total < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) >= 0) {
        out.write(buf, 0, n);
        total += n;
      }
    }
    return total;
  }

  /**
   * Whether a ZIP archive ends this file exactly (its end-of-central-directory record closing the
   * file and its central directory where the record says): what a zip reader would open. Found
   * behind a PDF or an image, it makes the file a polyglot.
   */
  static boolean trailingZip(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size < 22 + 4) {
        return false;
      }
      int len = (int) Math.min(size, 22 + 0xffff);
      ByteBuffer tail = readAt(ch, size - len, len);
      for (int i = len - 22; i >= 0; i--) {
        if (tail.getInt(i) != 0x06054b50) {
          continue;
        }
        int commentLength = tail.getShort(i + 20) & 0xffff;
        long directorySize = tail.getInt(i + 12) & 0xffffffffL;
        long record = size - len + i;
        long directoryStart = record - directorySize;
        if (i + 22 + commentLength != len || directorySize == 0 || directoryStart < 0) {
          continue;
        }
        if (readAt(ch, directoryStart, 4).getInt(0) == 0x02014b50) {
          return true;
        }
      }
      return false;
    }
  }

  private static ByteBuffer readAt(SeekableByteChannel ch, long position, int length)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    ch.position(position);
    while (b.hasRemaining() && ch.read(b) > 0) {
      // keep reading
    }
    return b.flip();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * What the first pass learnt. Written by the worker thread; {@code typesKnown} is volatile and
   * written after the types, so after a timeout the caller still sees what was detected.
   */
  private static final class Pass {
    long size;
    boolean empty;
    boolean overLimit;
    MediaType content;
    MediaType detected;
    MediaType named;
    MediaType parseType;
    boolean mismatch;
    volatile boolean typesKnown;
    volatile Hostility hostile;
    volatile String hostileDetail;
    TikaEngine.Extract extract;
    boolean needsOcr;
    PdfStructure.Result pdf;
    final java.util.Map<Integer, TesseractOcr.Result> ocrPages =
        new java.util.concurrent.ConcurrentHashMap<>();

    /** PDF pages (1-based) with fewer than 10 characters of their own: scans. */
    List<Integer> pagesWithoutText() {
      List<Integer> r = new java.util.ArrayList<>();
      if (pdf != null) {
        for (int i = 0; i < pdf.pageTexts().size(); i++) {
          if (pdf.pageTexts().get(i).strip().length() < 10) {
            r.add(i + 1);
          }
        }
      }
      return r;
    }

    /** The text page by page: the PDF's own, OCR where it had none, the whole text otherwise. */
    List<PageText> pages(TikaEngine.Extract x) {
      List<PageText> r = new java.util.ArrayList<>();
      if (pdf != null && !pdf.pageTexts().isEmpty()) {
        for (int i = 0; i < pdf.pageTexts().size(); i++) {
          TesseractOcr.Result o = ocrPages.get(i + 1);
          String own = pdf.pageTexts().get(i);
          if (o == null || o.text().isBlank()) {
            r.add(new PageText(i + 1, own, null));
          } else {
            // a few words of its own (a stamp, a header) plus the scan
            r.add(new PageText(i + 1, own.isBlank() ? o.text() : own.strip() + "\n" + o.text(),
                o.confidence()));
          }
        }
      } else if (ocrPages.containsKey(1)) {
        TesseractOcr.Result o = ocrPages.get(1);
        r.add(new PageText(1, o.text(), o.confidence()));
      } else if (x != null && !x.text.isEmpty()) {
        r.add(new PageText(0, x.text, null));
      }
      return r;
    }

    void setTypes(MediaType content, MediaType detected, MediaType named, boolean mismatch) {
      this.content = content;
      this.detected = detected;
      this.named = named;
      this.mismatch = mismatch;
      this.typesKnown = true;
    }

    void hostile(Hostility kind, String detail) {
      this.hostileDetail = detail;
      this.hostile = kind;
    }

    /** OCR only files that are sound so far: a file to be replaced anyway is not worth it. */
    boolean ocrWanted() {
      return needsOcr && hostile == null && !mismatch && extract != null
          && !extract.corrupt && !extract.encrypted;
    }

    /**
     * The examination was given up (time, memory): only the types, if already detected, are
     * reported. The worker may still be running, so nothing else of it is read.
     */
    Inspection abandoned(Hostility why, String detail) {
      boolean known = typesKnown;
      FileFacts facts = new FileFacts(
          known && detected != null ? detected.toString() : null,
          known && named != null ? named.toString() : null,
          null, false, false, 0);
      return new Inspection(facts, known ? size : 0, false, false,
          known && content != null ? content.toString() : null,
          known && mismatch, why, detail, "", false, OcrStatus.NOT_NEEDED, null, List.of(), false,
          null);
    }

    Inspection toInspection(int maxChars, OcrStatus ocrStatus) {
      boolean known = typesKnown;
      TikaEngine.Extract x = extract;
      List<PageText> pageTexts = pages(x);
      String text = ocrPages.isEmpty() && pdf == null ? (x != null ? x.text : "")
          : String.join("\n", pageTexts.stream().map(PageText::text).toList());
      if (text.length() > maxChars) {
        text = text.substring(0, maxChars);
      }
      FileFacts facts = new FileFacts(
          known && detected != null ? detected.toString() : null,
          known && named != null ? named.toString() : null,
          x != null ? x.pages : null,
          x != null && x.encrypted,
          x != null && x.corrupt,
          text.length());
      return new Inspection(facts, size, empty, overLimit,
          known && content != null ? content.toString() : null,
          known && mismatch,
          hostile, hostileDetail,
          text,
          x != null && x.truncated,
          ocrStatus,
          x != null ? x.problem : null,
          pageTexts,
          pdf != null && pdf.signed(),
          pdf != null ? pdf.damage() : null);
    }
  }

  private static final class Daemons implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "prereview-inspect-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setContextClassLoader(ContentInspector.class.getClassLoader());
      return t;
    }
  }
}
