package cn.wssp.prereview;

import cn.wssp.prereview.Inspection.Hostility;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.logging.Logger;

/**
 * Examines each file in a worker JVM ({@link InspectionWorker}) of a {@link WorkerPool}: a parser
 * that loops, ignores interrupts or exhausts memory takes its worker down, never the portal. The
 * file is copied here (at most the limit plus one byte) into the temporary directory, a worker
 * runs the {@link ContentInspector} on the copy with -Xmx and is killed, with its tesseract
 * children, when it passes the wall-clock limit for that file. Its answer is a serialised
 * {@link Inspection}, size-bounded and read through a filter that admits only this package's
 * records and the JDK's strings, numbers and collections; its log stays in a file of its own.
 *
 * <p>Cost: the workers are started once (Tika loaded and warmed in each) and serve up to
 * {@link PreReviewer.Options#workerMaxFiles()} files; each may use up to
 * {@link PreReviewer.Options#workerMaxHeapMb()} of heap. As many files are examined at once as
 * there are workers.
 */
final class IsolatedInspector implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IsolatedInspector.class.getName());
  /** Exit status of a worker that ran out of memory (-XX:+ExitOnOutOfMemoryError exits with 3). */
  static final int EXIT_MEMORY = 3;

  private final PreReviewer.Options options;
  private final WorkerPool pool;
  /** The worker that served the last file; for tests. */
  private volatile long lastWorkerPid;

  IsolatedInspector(PreReviewer.Options options) {
    this.options = options;
    String classPath = options.workerClassPath() != null ? options.workerClassPath() : classPath();
    List<String> cmd = new java.util.ArrayList<>(sessionOfItsOwn());
    cmd.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + options.workerMaxHeapMb() + "m",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:+UseSerialGC",
        "-Xss2m",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Djava.io.tmpdir=" + options.effectiveTempDir(),
        "-cp", classPath,
        InspectionWorker.class.getName()));
    this.pool = new WorkerPool(options.effectiveWorkerPoolSize(), options.workerMaxFiles(), cmd,
        configuration(options), options.effectiveTempDir());
  }

  /** setsid(1), where there is one: see {@link #sessionOfItsOwn()}. */
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  /**
   * The prefix that starts a worker in a session of its own. Why: Linux's scheduler (with
   * autogroup, on by default in Debian's kernels) shares the processors between sessions first,
   * then between the threads of one. In the portal's session a worker is one thread among the
   * hundreds that serve requests; in a session of its own it gets the share of a whole session.
   * Under the load run with 8 job threads this brought the verdict's wait p50 from 14 s to 10 s
   * (docs/PERFORMANCE.md). setsid(1) execs the worker in the same process (Java's child is never
   * a process group leader), so the pid stays the worker's, and the worker still ends when the
   * portal does (its stdin closes). Without setsid, or with autogroup off, workers start as before.
   */
  static List<String> sessionOfItsOwn() {
    return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
  }

  Inspection inspect(SubmittedFile file, long maxBytes) {
    Path input = null;
    try {
      input = Files.createTempFile(options.effectiveTempDir(), "prereview-", ".upload");
      long size;
      try {
        size = ContentInspector.spool(file, input, maxBytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.fileName(), e);
      }
      return run(request(input, file.fileName(), size, maxBytes), size, file.fileName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the pre-review of " + file.fileName(), e);
    } finally {
      if (input != null) {
        try {
          Files.deleteIfExists(input);
        } catch (IOException e) {
          input.toFile().deleteOnExit();
        }
      }
    }
  }

  private Inspection run(byte[] request, long size, String name) throws IOException {
    WorkerPool.Worker w;
    try {
      w = pool.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("pre-review interrupted");
    } catch (WorkerPool.StartFailed e) {
      // as when each file had its own JVM: a worker that cannot run is a file not examined
      return Inspection.abandoned(size, Hostility.RESOURCE_EXHAUSTION,
          e.exitStatus == EXIT_MEMORY ? "内存" : "解析进程异常退出");
    }
    lastWorkerPid = w.pid();
    Duration limit = options.effectiveWorkerTimeout();
    boolean healthy = false;
    try {
      WorkerPool.Answer a;
      try {
        a = w.exchange(request, limit, maxResultBytes());
      } catch (WorkerPool.AnswerTooLarge e) {
        throw e;
      } catch (IOException e) {
        return died(w, e, limit, size, name);
      }
      Inspection i = read(a.body()); // a refused answer: IOException, the worker is replaced
      healthy = a.status() == WorkerPool.OK;
      return i;
    } finally {
      pool.release(w, healthy);
    }
  }

  /** The worker's answer did not come: killed at the deadline, out of memory or crashed. */
  private Inspection died(WorkerPool.Worker w, IOException e, Duration limit, long size,
      String name) {
    if (pool.closed()) {
      throw new CancellationException("pre-reviewer closed");
    }
    if (w.killedAtDeadline) {
      LOG.warning(() -> "预审工作进程超时，已终止：" + name + "（" + limit + "）");
      return Inspection.abandoned(size, Hostility.TIMEOUT,
          String.valueOf(Math.max(1, (limit.toMillis() + 999) / 1000)));
    }
    int exit = w.exitStatus();
    String tail = w.logTail();
    LOG.warning(() -> "预审工作进程异常结束（" + exit + "，" + e + "）：" + name + "\n" + tail);
    return Inspection.abandoned(size, Hostility.RESOURCE_EXHAUSTION,
        exit == EXIT_MEMORY ? "内存" : "解析进程异常退出");
  }

  /** The worker that examined the last file (for tests). */
  long lastWorkerPid() {
    return lastWorkerPid;
  }

  /** Workers running or starting (for tests). */
  int liveWorkers() {
    return pool.live();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** What every file is examined with, sent once to each worker. */
  static byte[] configuration(PreReviewer.Options options) {
    Properties r = new Properties();
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
    return properties(r);
  }

  static byte[] request(Path input, String name, long size, long maxBytes) {
    Properties r = new Properties();
    r.setProperty("input", input.toString());
    r.setProperty("fileName", name == null ? "" : name);
    r.setProperty("size", String.valueOf(size));
    r.setProperty("maxBytes", String.valueOf(maxBytes));
    return properties(r);
  }

  static byte[] properties(Properties p) {
    StringWriter w = new StringWriter();
    try {
      p.store(w, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Properties properties(byte[] bytes) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    return p;
  }

  /** The most bytes a result may have: twice the text limit in UTF-8 plus room for the rest. */
  private long maxResultBytes() {
    return Math.min(Integer.MAX_VALUE - 8, (long) options.maxTextChars() * 6 + (1 << 20));
  }

  private Inspection read(byte[] body) throws IOException {
    try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(body))) {
      o.setObjectInputFilter(ObjectInputFilter.Config.createFilter("maxdepth=20;maxrefs=1000000;"
          + "maxbytes=" + maxResultBytes() + ";cn.wssp.prereview.*;java.lang.*;java.util.*;!*"));
      Object r = o.readObject();
      if (!(r instanceof Inspection i)) {
        throw new java.io.InvalidObjectException("unexpected pre-review worker result "
            + (r == null ? null : r.getClass()));
      }
      return i;
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
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
