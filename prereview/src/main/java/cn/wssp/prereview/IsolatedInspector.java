package cn.wssp.prereview;

import cn.wssp.prereview.Inspection.Hostility;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Examines each file in a fresh JVM ({@link InspectionWorker}): a parser that loops, ignores
 * interrupts or exhausts memory takes the worker down, never the portal. The file is copied here
 * (at most the limit plus one byte), the worker runs the {@link ContentInspector} on the copy with
 * -Xmx and is killed, with its tesseract children, at the wall-clock limit. Its result comes back
 * as a serialised {@link Inspection}, size-bounded and read through a filter that admits only this
 * package's records and the JDK's strings, numbers and collections.
 *
 * <p>Cost: one JVM start per file (about a second of CPU to load Tika, on top of the parse), and up
 * to {@link PreReviewer.Options#workerMaxHeapMb()} of memory while it runs; at most as many workers
 * run at once as there are processors.
 */
final class IsolatedInspector {
  private static final Logger LOG = Logger.getLogger(IsolatedInspector.class.getName());
  /** Exit status of a worker that ran out of memory (-XX:+ExitOnOutOfMemoryError exits with 3). */
  static final int EXIT_MEMORY = 3;

  private final PreReviewer.Options options;
  private final String classPath;
  private final Semaphore slots =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  IsolatedInspector(PreReviewer.Options options) {
    this.options = options;
    this.classPath = options.workerClassPath() != null ? options.workerClassPath() : classPath();
  }

  Inspection inspect(SubmittedFile file, long maxBytes) {
    Path dir = options.effectiveTempDir();
    Path input = null;
    Path request = null;
    Path output = null;
    Path log = null;
    try {
      input = Files.createTempFile(dir, "prereview-", ".upload");
      request = Files.createTempFile(dir, "prereview-", ".request");
      output = Files.createTempFile(dir, "prereview-", ".result");
      log = Files.createTempFile(dir, "prereview-", ".log");
      long size;
      try {
        size = ContentInspector.spool(file, input, maxBytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.fileName(), e);
      }
      writeRequest(request, input, output, file.fileName(), size, maxBytes);
      return run(request, output, log, size, file.fileName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the pre-review of " + file.fileName(), e);
    } finally {
      for (Path p : new Path[] {input, request, output, log}) {
        if (p != null) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            p.toFile().deleteOnExit();
          }
        }
      }
    }
  }

  private Inspection run(Path request, Path output, Path log, long size, String name)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + options.workerMaxHeapMb() + "m",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Xss2m",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Djava.io.tmpdir=" + options.effectiveTempDir(),
        "-cp", classPath,
        InspectionWorker.class.getName(),
        request.toString()));
    Duration limit = options.effectiveWorkerTimeout();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("pre-review interrupted");
    }
    Process p = null;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      p.getOutputStream().close();
      boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        kill(p);
        LOG.warning(() -> "预审工作进程超时，已终止：" + name + "（" + limit + "）");
        return Inspection.abandoned(size, Hostility.TIMEOUT,
            String.valueOf(Math.max(1, (limit.toMillis() + 999) / 1000)));
      }
      int exit = p.exitValue();
      if (exit == 0) {
        return read(output);
      }
      String tail = tail(log);
      LOG.warning(() -> "预审工作进程异常结束（" + exit + "）：" + name + "\n" + tail);
      return Inspection.abandoned(size, Hostility.RESOURCE_EXHAUSTION,
          exit == EXIT_MEMORY ? "内存" : "解析进程异常退出");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("pre-review interrupted");
    } finally {
      if (p != null) {
        kill(p);
      }
      slots.release();
    }
  }

  /** Kills the worker and whatever it started (tesseract). */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeRequest(Path request, Path input, Path output, String name, long size,
      long maxBytes) throws IOException {
    Properties r = new Properties();
    r.setProperty("input", input.toString());
    r.setProperty("output", output.toString());
    r.setProperty("fileName", name == null ? "" : name);
    r.setProperty("size", String.valueOf(size));
    r.setProperty("maxBytes", String.valueOf(maxBytes));
    r.setProperty("parseTimeoutMs", String.valueOf(options.parseTimeout().toMillis()));
    r.setProperty("ocrTimeoutMs", String.valueOf(options.ocrTimeout().toMillis()));
    r.setProperty("maxTextChars", String.valueOf(options.maxTextChars()));
    r.setProperty("ocrEnabled", String.valueOf(options.ocrEnabled()));
    if (options.tesseract() != null) {
      r.setProperty("tesseract", options.tesseract().toString());
    }
    r.setProperty("ocrLanguages", options.ocrLanguages());
    r.setProperty("maxImagePixels", String.valueOf(options.maxImagePixels()));
    r.setProperty("tempDir", options.effectiveTempDir().toString());
    try (OutputStream out = Files.newOutputStream(request)) {
      r.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), null);
    }
  }

  /** The most bytes a result may have: twice the text limit in UTF-8 plus room for the rest. */
  private long maxResultBytes() {
    return (long) options.maxTextChars() * 6 + (1 << 20);
  }

  private Inspection read(Path output) throws IOException {
    long size = Files.size(output);
    if (size > maxResultBytes()) {
      throw new IOException("pre-review worker result too large: " + size + " bytes");
    }
    try (InputStream in = Files.newInputStream(output);
        ObjectInputStream o = new ObjectInputStream(in)) {
      o.setObjectInputFilter(ObjectInputFilter.Config.createFilter("maxdepth=20;maxrefs=1000000;"
          + "maxbytes=" + maxResultBytes() + ";cn.wssp.prereview.*;java.lang.*;java.util.*;!*"));
      Object r = o.readObject();
      if (!(r instanceof Inspection i)) {
        throw new IOException("unexpected pre-review worker result " + r.getClass());
      }
      return i;
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log, StandardCharsets.UTF_8);
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /** The class path this library was loaded from: URLClassLoader entries, then java.class.path. */
  static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader cl = IsolatedInspector.class.getClassLoader(); cl != null;
        cl = cl.getParent()) {
      if (cl instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            try {
              entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
              // not a local file
            }
          }
        }
      }
    }
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isBlank()) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
