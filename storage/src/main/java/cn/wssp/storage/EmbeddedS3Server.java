package cn.wssp.storage;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The embedded S3-compatible server (S3Proxy on a local folder, module s3-embedded) in a child
 * JVM. The keys go through the child's standard input, never its command line; closing that
 * input stops the child, and so does the death of this process.
 */
public final class EmbeddedS3Server implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedS3Server.class.getName());
  private static final String MAIN = "cn.wssp.s3embedded.EmbeddedS3Main";
  private static final String READY = "S3-EMBEDDED READY ";

  private final Process process;
  private final String endpoint;
  private final Thread shutdownHook;

  private EmbeddedS3Server(Process process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
    this.shutdownHook = new Thread(process::destroy, "embedded-s3-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the server and waits until it serves.
   *
   * @param baseDir folder holding the buckets and objects
   * @param classpath the s3-embedded jar and its libraries (see {@link #classpathOf})
   * @param port 0 to pick a free one
   */
  public static EmbeddedS3Server start(Path baseDir, String classpath, int port, String accessKey,
      String secretKey, Duration startTimeout) throws StorageException {
    int chosen = port == 0 ? freePort() : port;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx256m", "-cp", classpath, MAIN,
        baseDir.toAbsolutePath().toString(), String.valueOf(chosen));
    Process process;
    try {
      Files.createDirectories(baseDir);
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      OutputStream stdin = process.getOutputStream();
      stdin.write((accessKey + "\n" + secretKey + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush(); // stdin stays open: closing it is the stop signal
    } catch (IOException e) {
      throw new StorageException("内置 S3 服务无法启动（" + java + "）：" + e.getMessage(), e);
    }
    Deque<String> tail = new ArrayDeque<>();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> pump(process, tail, ready), "embedded-s3-output");
    reader.setDaemon(true);
    reader.start();
    try {
      String endpoint = ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new EmbeddedS3Server(process, endpoint);
    } catch (Exception e) {
      process.destroyForcibly();
      String output;
      synchronized (tail) {
        output = String.join("\n", tail);
      }
      throw new StorageException("内置 S3 服务未能在 " + startTimeout.toSeconds() + " 秒内启动："
          + (e.getCause() != null ? e.getCause().getMessage() : e) + "\n" + output, e);
    }
  }

  /** Forwards the child's output to the log; completes {@code ready} on its READY line. */
  private static void pump(Process process, Deque<String> tail, CompletableFuture<String> ready) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(READY)) {
          ready.complete(line.substring(READY.length()).trim());
        }
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
        LOG.fine("[s3] " + line);
      }
    } catch (IOException ignored) {
      // the child is gone
    }
    ready.completeExceptionally(new IllegalStateException(
        "进程已退出，退出码 " + (process.isAlive() ? "?" : process.exitValue())));
  }

  /** The s3-embedded jar(s) and every jar in {@code libDir}, as a classpath string. */
  public static String classpathOf(Path libDir, Path... extraJars) throws StorageException {
    List<String> entries = new ArrayList<>();
    for (Path p : extraJars) {
      entries.add(p.toAbsolutePath().toString());
    }
    try (Stream<Path> jars = Files.list(libDir)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted()
          .forEach(p -> entries.add(p.toAbsolutePath().toString()));
    } catch (IOException e) {
      throw new StorageException("找不到内置 S3 服务的库目录 " + libDir + "：" + e.getMessage(), e);
    }
    return String.join(File.pathSeparator, entries);
  }

  public String endpoint() {
    return endpoint;
  }

  /** The child's process id (for a pid file, and for the fault tests that kill it). */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Closes the child's input (its stop signal), waits a little, then ends it forcibly. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run: nothing to remove
    }
  }

  private static int freePort() throws StorageException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new StorageException("没有可用的本地端口：" + e.getMessage(), e);
    }
  }
}
