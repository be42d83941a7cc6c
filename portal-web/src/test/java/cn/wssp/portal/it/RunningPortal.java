package cn.wssp.portal.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real portal, started the way a user starts it ({@code ./portal start}), on a free port and
 * a fresh data folder; on PostgreSQL in a schema of its own when the postgres profile is on.
 */
public final class RunningPortal implements AutoCloseable {
  private static RunningPortal shared;
  /** The portal's hard cap on one upload in the tests: above the materials' own limits. */
  static final int UPLOAD_CAP = 25 << 20;

  final Path home;
  final Path dataDir;
  final int port;
  final String dbUrl;
  private final String schema;
  private Process process;
  /** {@code start}, or {@code cluster --instances N} (then {@link #port} is the balancer's). */
  private final java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("start"));
  /** Receives the portal's e-mail over real SMTP. */
  final SmtpSink mail;
  /** Settings for the next start, over the defaults below (e.g. PORTAL_DEMO_DATA=false). */
  final Map<String, String> environment = new java.util.HashMap<>();

  /**
   * For a test of what does not depend on the database: it runs in the H2 half of the suite and
   * is skipped in the PostgreSQL half (-Ppostgres), which would only repeat it ({@code what}
   * says what it checks, for the skip's message).
   */
  static void onlyOnTheEmbeddedDatabase(String what) {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getProperty("portal.test.db.url", "").isBlank(),
        what + " does not depend on the database: checked in the H2 run of the suite");
  }

  /** A portal of its own (not shared), for tests that stop and restart it. */
  public static RunningPortal dedicated(String name) throws Exception {
    return new RunningPortal(Path.of("target", "it-data", name + "-" + System.currentTimeMillis())
        .toAbsolutePath());
  }

  /**
   * {@code ./portal cluster}: {@code instances} portals behind HAProxy on {@link #url()}, on the
   * PostgreSQL database of the postgres profile (required).
   */
  public static RunningPortal cluster(String name, int instances) throws Exception {
    RunningPortal p = dedicated(name);
    if (p.dbUrl == null) {
      throw new IllegalStateException("a cluster needs PostgreSQL (mvn verify -Ppostgres)");
    }
    p.command.clear();
    p.command.addAll(java.util.List.of("cluster", "--instances", String.valueOf(instances)));
    return p;
  }

  /** The process id of cluster instance {@code k} (1-based), from its pid file. */
  public long instancePid(int k) throws IOException {
    return Long.parseLong(Files.readString(dataDir.resolve("cluster")
        .resolve("instance-" + k + ".pid")).trim());
  }

  /**
   * A portal on a data folder (not yet there) and, for PostgreSQL, on the given database URL,
   * which this object neither creates nor drops: e.g. for a restored backup.
   */
  public static RunningPortal on(String name, String dbUrl) throws Exception {
    return on(name, dbUrl, 0);
  }

  /** The same on the given HTTP port (0: a free one), e.g. the address of a portal it replaces. */
  public static RunningPortal on(String name, String dbUrl, int port) throws Exception {
    return new RunningPortal(Path.of("target", "it-data", name + "-" + System.currentTimeMillis())
        .toAbsolutePath(), dbUrl, port);
  }

  private RunningPortal(Path dataDir, String dbUrl, int port) throws Exception {
    this.home = Path.of(System.getProperty("portal.home", "..")).toAbsolutePath().normalize();
    this.dataDir = dataDir;
    this.port = port == 0 ? freePort() : port;
    this.mail = new SmtpSink();
    this.schema = null;
    this.dbUrl = dbUrl;
  }

  private RunningPortal(Path dataDir) throws Exception {
    this.home = Path.of(System.getProperty("portal.home", "..")).toAbsolutePath().normalize();
    this.dataDir = dataDir;
    this.port = freePort();
    this.mail = new SmtpSink();
    String pg = System.getProperty("portal.test.db.url", "");
    if (pg.isBlank()) {
      this.schema = null;
      this.dbUrl = null;
    } else {
      this.schema = "it_" + Long.toString(System.currentTimeMillis(), 36);
      try (Connection c = DriverManager.getConnection(pg, dbUser(), "")) {
        c.createStatement().execute("CREATE SCHEMA " + schema);
      }
      this.dbUrl = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
  }

  /** One portal for the whole test run: starting Payara is the slow part. */
  public static synchronized RunningPortal shared() throws Exception {
    if (shared == null) {
      Path data = Path.of("target", "it-data", "run-" + System.currentTimeMillis()).toAbsolutePath();
      shared = new RunningPortal(data);
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          shared.close();
        } catch (Exception ignored) {
          // best effort at JVM exit
        }
      }));
    }
    return shared;
  }

  /** The PostgreSQL user of the postgres profile (postgres when none is given). */
  static String dbUser() {
    String u = System.getProperty("portal.test.db.user", "");
    return u.isBlank() ? "postgres" : u;
  }

  /** The portal's JVM (./portal exec-s Java, so it keeps the script's process id). */
  public long pid() {
    return process.pid();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public synchronized void start() throws Exception {
    Files.createDirectories(dataDir);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bash",
        home.resolve("portal").toString()));
    args.addAll(command);
    args.addAll(java.util.List.of("--no-build", "--port", String.valueOf(port), "--data",
        dataDir.toString()));
    ProcessBuilder pb = new ProcessBuilder(args);
    configure(pb.environment());
    pb.redirectErrorStream(true);
    // Several starts append to one log: a marker says where each begins, so a failure's tail
    // is known to be this start's and not the previous one's.
    Files.writeString(dataDir.resolve("portal.log"), "\n==== RunningPortal: start at " + Instant.now()
        + " ====\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("portal.log").toFile()));
    process = pb.start();
    // A cluster starts its instances one after the other.
    waitUntilReady(Duration.ofMinutes(command.get(0).equals("cluster") ? 25 : 4));
  }

  /** What a script run answered: its exit code and its output (standard output and error). */
  public record ScriptRun(int exitCode, String output) {}

  /**
   * Runs {@code ./portal ARGS --no-build} with this portal's settings (data folder, database,
   * object store) as a user would in another terminal, and waits for it (up to 10 minutes).
   */
  public ScriptRun script(String... arguments) throws Exception {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bash",
        home.resolve("portal").toString()));
    args.addAll(java.util.List.of(arguments));
    args.add("--no-build");
    ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
    configure(pb.environment());
    pb.environment().put("PORTAL_DATA_DIR", dataDir.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(args + " did not finish within 10 minutes");
    }
    return new ScriptRun(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
  }

  private void configure(Map<String, String> env) {
    env.keySet().removeIf(k -> k.startsWith("PORTAL_"));
    env.put("PORTAL_DEMO_DATA", "true");
    env.put("PORTAL_TEST_CLOCK", "true"); // ClockIT moves it, and puts it back
    env.put("PORTAL_PUBLIC_URL", url());
    env.put("PORTAL_UPLOAD_MAX_BYTES", String.valueOf(UPLOAD_CAP));
    env.put("PORTAL_SMTP_HOST", "127.0.0.1");
    env.put("PORTAL_SMTP_PORT", String.valueOf(mail.port()));
    // ThrottleIT: its clients come "through a proxy" on 127.0.0.1 (X-Forwarded-For), so its
    // per-address locks never touch the other tests; and a lock lasts 20 s, not 15 minutes.
    env.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1");
    env.put("PORTAL_THROTTLE_LOCK_SECONDS", String.valueOf(ThrottleIT.LOCK_SECONDS));
    if (dbUrl != null) {
      env.put("PORTAL_DB_URL", dbUrl);
      env.put("PORTAL_DB_USER", dbUser());
    }
    env.putAll(environment);
  }

  private void waitUntilReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("portal exited with " + process.exitValue() + "; log:\n" + logTail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          // Ready means the API answers too, not only the health endpoint.
          HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/matters"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          if (api.statusCode() == 200) {
            return;
          }
          last = "health UP but /api/v1/matters answered " + api.statusCode();
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("portal not ready in " + timeout + ": " + last + "\n" + logTail());
  }

  public String logTail() {
    try {
      String log = Files.readString(dataDir.resolve("portal.log"));
      return log.length() > 8000 ? log.substring(log.length() - 8000) : log;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** kill -9: the JVM ends at once, no shutdown hook, no drain, no commit. */
  public synchronized void kill() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM, as a user's Ctrl-C; waits for a clean exit. */
  public synchronized void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("portal did not stop within 60 s of SIGTERM");
      }
    }
  }

  @Override
  public synchronized void close() throws Exception {
    stop();
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(System.getProperty("portal.test.db.url"), dbUser(), "")) {
        c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
