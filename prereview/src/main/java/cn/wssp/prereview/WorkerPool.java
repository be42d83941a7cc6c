package cn.wssp.prereview;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Worker JVMs ({@link InspectionWorker}) started ahead of need, each examining many files one after
 * the other: Tika is loaded and warmed once per worker, not once per file. At most {@code size}
 * run at once. A worker is replaced after it was killed (deadline), crashed, asked to retire (a
 * parse it abandoned may still run inside it) or served its quota of files.
 *
 * <p>The quota is {@code maxFiles} less up to a quarter, drawn per worker, so that workers started
 * together do not all retire together; and a worker near its quota has its successor started
 * while it still serves (for that while {@code size} + 1 run), so that a retirement costs no
 * wait: starting a JVM and warming Tika takes seconds, many more on a machine under load, and
 * with all workers retiring at once the pre-review stood still for that long.
 *
 * <p>Protocol on the worker's stdin/stdout, every message an int length then that many bytes: the
 * parent sends the configuration (UTF-8 properties), the worker answers {@link #READY}; then per
 * file a request (properties) and an answer: status ({@link #OK} or {@link #OK_RETIRING}) and
 * the serialised {@link Inspection}.
 */
final class WorkerPool implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
  static final int READY = 0x57535350; // "WSSP"
  static final int OK = 0;
  static final int OK_RETIRING = 1;
  /** The most a request or the configuration may weigh (they are a few properties). */
  static final int MAX_MESSAGE = 1 << 20;
  /** A worker not ready this long after its start is killed. */
  static final Duration START_LIMIT = Duration.ofSeconds(90);

  private final int size;
  private final int maxFiles;
  private final List<String> command;
  private final byte[] configuration;
  private final Path tempDir;
  private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
  private final Set<Worker> all = ConcurrentHashMap.newKeySet();
  /** Worker JVMs not yet ready, killed when the pool closes meanwhile. */
  private final Set<Process> starting = ConcurrentHashMap.newKeySet();
  /** Workers running or starting. */
  private final AtomicInteger live = new AtomicInteger();
  private final AtomicInteger startFailures = new AtomicInteger();
  private volatile StartFailed lastStartFailure;
  private volatile boolean closed;
  private final ExecutorService starter;
  private final ScheduledExecutorService watchdog;

  /** Why no worker could be started: its exit status and the end of its log. */
  static final class StartFailed extends RuntimeException {
    final int exitStatus;

    StartFailed(int exitStatus, String message) {
      super(message);
      this.exitStatus = exitStatus;
    }
  }

  WorkerPool(int size, int maxFiles, List<String> command, byte[] configuration, Path tempDir) {
    this.size = size;
    this.maxFiles = maxFiles;
    this.command = List.copyOf(command);
    this.configuration = configuration.clone();
    this.tempDir = tempDir;
    this.starter = Executors.newCachedThreadPool(daemons("prereview-worker-start"));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(daemons("prereview-watchdog"));
    for (int i = 0; i < size; i++) {
      startOneIfNeeded();
    }
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts one more worker in the background unless {@code size} run or start already. */
  private void startOneIfNeeded() {
    startOneBelow(size);
  }

  /** Starts a worker in the background unless {@code limit} run or start already. */
  private void startOneBelow(int limit) {
    int n;
    do {
      n = live.get();
      if (n >= limit || closed) {
        return;
      }
    } while (!live.compareAndSet(n, n + 1));
    starter.execute(() -> {
      Worker w = null;
      try {
        w = Worker.start(command, configuration, tempDir, watchdog, starting);
        w.quota = quota();
        all.add(w);
        if (closed) {
          retire(w);
        } else {
          idle.add(w);
        }
      } catch (StartFailed e) {
        live.decrementAndGet();
        if (closed) {
          return; // killed by close()
        }
        lastStartFailure = e;
        startFailures.incrementAndGet();
        LOG.severe(() -> "预审工作进程无法启动：" + e.getMessage());
      } catch (RuntimeException e) {
        live.decrementAndGet();
        lastStartFailure = new StartFailed(-1, String.valueOf(e));
        startFailures.incrementAndGet();
        LOG.log(Level.SEVERE, "预审工作进程无法启动", e);
      }
    });
  }

  /**
   * A ready worker, for one file; waits while all are busy.
   *
   * @throws StartFailed when a worker that was started for this caller could not start
   */
  Worker acquire() throws InterruptedException {
    int failuresBefore = startFailures.get();
    while (true) {
      if (closed) {
        throw new java.util.concurrent.CancellationException("pre-reviewer closed");
      }
      startOneIfNeeded();
      Worker w = idle.poll(100, TimeUnit.MILLISECONDS);
      if (w != null) {
        if (w.process.isAlive()) {
          return w;
        }
        retire(w);
        continue;
      }
      if (startFailures.get() != failuresBefore && all.isEmpty()) {
        throw lastStartFailure; // none runs and a start failed meanwhile: do not wait forever
      }
    }
  }

  /** A worker's quota: {@code maxFiles} less up to a quarter. */
  private int quota() {
    int spread = maxFiles / 4;
    return spread == 0 ? maxFiles
        : maxFiles - java.util.concurrent.ThreadLocalRandom.current().nextInt(spread + 1);
  }

  /** Files before its quota at which a worker's successor is started. */
  static int successorLead(int quota) {
    return Math.max(1, quota / 10);
  }

  /**
   * Gives a worker back; a worker that must not serve again is replaced, and one near its quota
   * gets its successor started now (one at a time per pool beyond {@code size}).
   */
  void release(Worker w, boolean healthy) {
    if (healthy && !closed && w.served < w.quota && w.process.isAlive()) {
      if (!w.successorStarted && w.served >= w.quota - successorLead(w.quota)) {
        w.successorStarted = true;
        startOneBelow(size + 1);
      }
      idle.add(w);
      return;
    }
    retire(w);
    startOneIfNeeded();
  }

  private void retire(Worker w) {
    if (all.remove(w)) {
      live.decrementAndGet();
    }
    w.stop();
  }

  /** Number of workers running or starting; for tests. */
  int live() {
    return live.get();
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    for (Worker w : List.copyOf(all)) {
      retire(w);
    }
    starter.shutdown();
    for (Process p : List.copyOf(starting)) {
      kill(p);
    }
    try {
      // the starts end promptly once their JVMs are killed
      starter.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watchdog.shutdownNow();
  }

  /** One worker JVM and its pipes. Used by one caller at a time. */
  static final class Worker {
    final Process process;
    final Path log;
    private final DataOutputStream in;
    private final DataInputStream out;
    private final ScheduledExecutorService watchdog;
    int served;
    /** Files it serves before it is replaced (set by the pool; {@code maxFiles} at most). */
    int quota = Integer.MAX_VALUE;
    /** Its successor was started ahead of its retirement. */
    boolean successorStarted;
    volatile boolean killedAtDeadline;

    private Worker(Process process, Path log, ScheduledExecutorService watchdog) {
      this.process = process;
      this.log = log;
      this.watchdog = watchdog;
      this.in = new DataOutputStream(new java.io.BufferedOutputStream(process.getOutputStream()));
      this.out = new DataInputStream(new java.io.BufferedInputStream(process.getInputStream()));
    }

    long pid() {
      return process.pid();
    }

    static Worker start(List<String> command, byte[] configuration, Path tempDir,
        ScheduledExecutorService watchdog, Set<Process> starting) {
      Path log;
      Process p;
      try {
        log = Files.createTempFile(tempDir, "prereview-worker-", ".log");
        p = new ProcessBuilder(command).redirectErrorStream(false)
            .redirectError(log.toFile()).start();
      } catch (IOException e) {
        throw new StartFailed(-1, "cannot start a worker JVM: " + e);
      }
      starting.add(p);
      Worker w = new Worker(p, log, watchdog);
      ScheduledFuture<?> limit = null;
      try {
        limit = watchdog.schedule(() -> kill(p), START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        w.send(configuration);
        int ready = w.out.readInt();
        if (ready != READY) {
          throw new IOException("unexpected greeting " + Integer.toHexString(ready));
        }
        return w;
      } catch (IOException | RuntimeException e) {
        kill(p);
        int exit = p.isAlive() ? -1 : p.exitValue();
        String tail = tail(log);
        w.deleteLog();
        throw new StartFailed(exit, "exit " + exit + ": " + e + "\n" + tail);
      } finally {
        starting.remove(p);
        if (limit != null) {
          limit.cancel(false);
        }
      }
    }

    private void send(byte[] message) throws IOException {
      in.writeInt(message.length);
      in.write(message);
      in.flush();
    }

    /**
     * Sends one request and reads the answer; kills the worker (and its children) when the
     * answer has not come within {@code limit}.
     *
     * @return the answer's status and serialised inspection
     * @throws IOException when the worker died or was killed (see {@link #killedAtDeadline}), or
     *     answered more than {@code maxAnswer} bytes
     */
    Answer exchange(byte[] request, Duration limit, long maxAnswer) throws IOException {
      try {
        return exchangeOrInterrupt(request, limit, maxAnswer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill(process);
        throw new java.util.concurrent.CancellationException("pre-review interrupted");
      }
    }

    private Answer exchangeOrInterrupt(byte[] request, Duration limit, long maxAnswer)
        throws IOException, InterruptedException {
      served++;
      ScheduledFuture<?> deadline = watchdog.schedule(() -> {
        killedAtDeadline = true;
        kill(process);
      }, limit.toNanos(), TimeUnit.NANOSECONDS);
      try {
        send(request);
        int status = out.readInt();
        int length = out.readInt();
        if ((status != OK && status != OK_RETIRING) || length < 0 || length > maxAnswer) {
          // The JVM itself writes to stdout as it dies of OutOfMemoryError: then it is a death.
          if (process.waitFor(2, TimeUnit.SECONDS)) {
            throw new EOFException("worker ended with " + process.exitValue());
          }
          kill(process);
          throw new AnswerTooLarge(status, length);
        }
        byte[] body = new byte[length];
        out.readFully(body);
        return new Answer(status, body);
      } finally {
        deadline.cancel(false);
      }
    }

    /** The exit status after the worker died, or -1 if it still runs. */
    int exitStatus() {
      try {
        if (process.waitFor(5, TimeUnit.SECONDS)) {
          return process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }

    /** Lets the worker end by closing its stdin; kills it if it does not within 2 s. */
    void stop() {
      try {
        in.close();
      } catch (IOException e) {
        // already gone
      }
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          kill(process);
        }
      } catch (InterruptedException e) {
        kill(process);
        Thread.currentThread().interrupt();
      }
      kill(process);
      deleteLog();
    }

    private void deleteLog() {
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        log.toFile().deleteOnExit();
      }
    }

    String logTail() {
      return tail(log);
    }
  }

  record Answer(int status, byte[] body) {}

  static final class AnswerTooLarge extends IOException {
    AnswerTooLarge(int status, long length) {
      super("pre-review worker answer refused: status " + status + ", " + length + " bytes");
    }
  }

  /** Kills a worker and whatever it started (tesseract), children first. */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String tail(Path log) {
    try {
      String s = Files.readString(log, StandardCharsets.UTF_8);
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /** Reads one length-prefixed message of at most {@link #MAX_MESSAGE} bytes; null at EOF. */
  static byte[] readMessage(DataInputStream in) throws IOException {
    int n;
    try {
      n = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (n < 0 || n > MAX_MESSAGE) {
      throw new IOException("message of " + n + " bytes");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
