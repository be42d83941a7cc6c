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
  private static final Logger LOG = Logger.getLogger(ContentInspector.class.getName());

  private final PreReviewer.Options options;
  private final TesseractProbe.Result ocr;
  private final TikaEngine tika;
  private final ExecutorService executor;

  public ContentInspector() {
    this(PreReviewer.Options.defaults());
  }

  public ContentInspector(PreReviewer.Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.ocr = TesseractProbe.probe(options.ocrEnabled(), options.tesseract(),
        options.ocrLanguages(), Duration.ofSeconds(20));
    this.tika = new TikaEngine(ocr, options.ocrLanguages());
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
   * The media type of a stored upload, from its bytes alone (the name only narrows a generic
   * container such as a ZIP that is a docx). For recording uploads; the full examination is
   * {@link #inspect}.
   */
  public String detectType(Path file, String fileName) throws IOException {
    MediaType content = tika.detect(file, null);
    MediaType hinted = tika.detect(file, fileName);
    return tika.types.narrow(content, hinted, tika.types.forName(fileName)).toString();
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
        return p.toInspection(null, OcrStatus.NOT_NEEDED);
      }
      if (!tika.ocrReady()) {
        return p.toInspection(null, OcrStatus.UNAVAILABLE);
      }
      String text = recognize(tmp, p);
      return p.toInspection(text, text == null ? OcrStatus.FAILED : OcrStatus.DONE);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        tmp.toFile().deleteOnExit();
      }
    }
  }

  private String recognize(Path tmp, Pass p) {
    Duration limit = options.ocrTimeout();
    Future<String> f = executor.submit(() ->
        tika.ocr(tmp, p.parseType, options.maxTextChars(), (int) limit.toSeconds()));
    try {
      return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      f.cancel(true);
      LOG.info(() -> "文字识别未完成：" + e);
      return null;
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
    p.needsOcr = tika.needsOcr(p.parseType, x);
  }

  /** Copies at most {@code maxBytes + 1} bytes; returns how many were copied. */
  private static long spool(SubmittedFile file, Path tmp, long maxBytes) throws IOException {
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

    Inspection toInspection(String ocrText, OcrStatus ocrStatus) {
      boolean known = typesKnown;
      TikaEngine.Extract x = extract;
      String text = ocrText != null ? ocrText : x != null ? x.text : "";
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
          text.isEmpty() ? List.of() : List.of(new PageText(0, text, null)),
          false,
          null);
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
