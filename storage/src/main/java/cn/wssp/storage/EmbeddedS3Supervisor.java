package cn.wssp.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the embedded S3 server running: checks every few seconds that its child process is
 * alive and starts a new one on the same folder and the same port when it died, so the object
 * store the portal holds (bound to that endpoint) works again without a restart of the portal.
 * Until then every request to the store fails, which the portal answers with 503 and a DOWN
 * readiness. The child's process id is kept in a pid file.
 */
public final class EmbeddedS3Supervisor implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedS3Supervisor.class.getName());

  /** What one check found. */
  public enum Outcome { ALIVE, RESTARTED, RESTART_FAILED }

  private final Path baseDir;
  private final String classpath;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private final Duration startTimeout;
  private final Path pidFile;
  private volatile EmbeddedS3Server server;
  private ScheduledExecutorService watcher;
  private int restarts;

  private EmbeddedS3Supervisor(Path baseDir, String classpath, int port, String accessKey,
      String secretKey, Duration startTimeout, Path pidFile, EmbeddedS3Server first) {
    this.baseDir = baseDir;
    this.classpath = classpath;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.startTimeout = startTimeout;
    this.pidFile = pidFile;
    this.server = first;
  }

  /**
   * Starts the server (port 0: a free one, kept for every restart) and writes its pid file.
   *
   * @param pidFile where the child's process id is written, or null for none
   */
  public static EmbeddedS3Supervisor start(Path baseDir, String classpath, int port,
      String accessKey, String secretKey, Duration startTimeout, Path pidFile)
      throws StorageException {
    EmbeddedS3Server first = EmbeddedS3Server.start(baseDir, classpath, port, accessKey,
        secretKey, startTimeout);
    int chosen = java.net.URI.create(first.endpoint()).getPort();
    EmbeddedS3Supervisor s = new EmbeddedS3Supervisor(baseDir, classpath, chosen, accessKey,
        secretKey, startTimeout, pidFile, first);
    s.writePid();
    return s;
  }

  /** Checks the child every {@code interval} on a daemon thread of its own. */
  public synchronized void watchEvery(Duration interval) {
    if (watcher == null) {
      watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embedded-s3-supervisor");
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(100, interval.toMillis());
      watcher.scheduleWithFixedDelay(() -> {
        try {
          checkOnce();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "内置 S3 服务检查失败 (embedded S3 check failed)", e);
        }
      }, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** One check: restarts the child if it died. */
  public synchronized Outcome checkOnce() {
    if (server.isAlive()) {
      return Outcome.ALIVE;
    }
    EmbeddedS3Server dead = server;
    LOG.warning("内置 S3 服务进程（pid " + dead.pid() + "）已退出，正在重新启动…"
        + " (embedded S3 server process " + dead.pid() + " died; restarting on port " + port + ")");
    dead.close();
    try {
      server = EmbeddedS3Server.start(baseDir, classpath, port, accessKey, secretKey,
          startTimeout);
      restarts++;
      writePid();
      LOG.warning("内置 S3 服务已重新启动（pid " + server.pid() + "，" + server.endpoint()
          + "），文件存储恢复可用。 (embedded S3 server restarted, pid " + server.pid() + ")");
      return Outcome.RESTARTED;
    } catch (StorageException e) {
      LOG.log(Level.SEVERE, "内置 S3 服务重启失败，稍后再试 (embedded S3 restart failed, will retry): "
          + e.getMessage());
      return Outcome.RESTART_FAILED;
    }
  }

  public String endpoint() {
    return server.endpoint();
  }

  public long pid() {
    return server.pid();
  }

  public boolean isAlive() {
    return server.isAlive();
  }

  /** How many times the child was started again since the first start. */
  public synchronized int restarts() {
    return restarts;
  }

  private void writePid() {
    if (pidFile == null) {
      return;
    }
    try {
      Files.createDirectories(pidFile.toAbsolutePath().getParent());
      Files.writeString(pidFile, server.pid() + "\n");
    } catch (IOException e) {
      LOG.warning("无法写入内置 S3 服务的 pid 文件 " + pidFile + "：" + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    server.close();
    if (pidFile != null) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException ignored) {
        // a stale pid file names a process that no longer exists
      }
    }
  }
}
