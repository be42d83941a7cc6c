package cn.wssp.portal.infrastructure;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every setting of the portal, read through MicroProfile Config, so each can be given as an
 * environment variable (portal.db.url ← PORTAL_DB_URL). The names are the contract of API.md.
 */
public final class PortalSettings {
  private final Function<String, Optional<String>> source;

  private PortalSettings(Function<String, Optional<String>> source) {
    this.source = source;
  }

  public static PortalSettings current() {
    Config config = ConfigProvider.getConfig(PortalSettings.class.getClassLoader());
    return new PortalSettings(key -> config.getOptionalValue(key, String.class));
  }

  /** Settings given by their property names (tests). */
  static PortalSettings of(Map<String, String> values) {
    return new PortalSettings(key -> Optional.ofNullable(values.get(key)));
  }

  private Optional<String> get(String key) {
    return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
  }

  /**
   * A whole-number setting within {@code [min, max]}, {@code fallback} when unset. A value that is
   * not a number or out of range stops the start with the variable's name, what it should be and
   * what it was: an operator reads it in the log, not a NumberFormatException's "For input string".
   */
  private long whole(String key, long fallback, long min, long max) {
    Optional<String> given = get(key);
    if (given.isEmpty()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(given.get());
    } catch (NumberFormatException notANumber) {
      throw badSetting(key, given.get(), min, max);
    }
    if (value < min || value > max) {
      throw badSetting(key, given.get(), min, max);
    }
    return value;
  }

  private int wholeInt(String key, int fallback, int min, int max) {
    return (int) whole(key, fallback, min, max);
  }

  private static IllegalArgumentException badSetting(String key, String value, long min, long max) {
    String name = environmentName(key);
    String range = max == Long.MAX_VALUE ? "不小于 " + min + " 的整数" : " " + min + " 到 " + max + " 之间的整数";
    String rangeEn = max == Long.MAX_VALUE ? "a whole number of " + min + " or more"
        : "a whole number from " + min + " to " + max;
    return new IllegalArgumentException("设置 " + name + " 应为" + range + "，现为「" + value + "」（"
        + name + " must be " + rangeEn + ", not \"" + value + "\"）");
  }

  /** The environment variable MicroProfile Config reads a property from (portal.job.threads ← PORTAL_JOB_THREADS). */
  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  public Path dataDir() {
    return Path.of(get("portal.data.dir").orElse("./data")).toAbsolutePath().normalize();
  }

  public int httpPort() {
    return wholeInt("portal.http.port", 8080, 1, 65535);
  }

  /** The address users reach the portal at, for links and QR codes in documents. */
  public String publicUrl() {
    return get("portal.public.url").orElse("http://localhost:" + httpPort()).replaceAll("/+$", "");
  }

  public Optional<String> dbUrl() {
    return get("portal.db.url");
  }

  public String dbUrlOrEmbedded() {
    return dbUrl().orElse("jdbc:h2:file:" + dataDir().resolve("db").resolve("portal")
        // LEGACY: EclipseLink reads generated keys with IDENTITY(), which H2 2.x keeps only there.
        + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY");
  }

  public Optional<String> dbUser() {
    return get("portal.db.user");
  }

  public Optional<String> dbPassword() {
    return get("portal.db.password");
  }

  public boolean embeddedDatabase() {
    return dbUrl().isEmpty();
  }

  public Optional<String> s3Endpoint() {
    return get("portal.s3.endpoint");
  }

  public Optional<String> s3AccessKey() {
    return get("portal.s3.access-key");
  }

  public Optional<String> s3SecretKey() {
    return get("portal.s3.secret-key");
  }

  public String s3Bucket() {
    return get("portal.s3.bucket").orElse("wssp");
  }

  /**
   * How long issued documents are retained, COMPLIANCE mode, where the bucket has object lock
   * (PORTAL_S3_RETENTION_YEARS, default 30): not even the server's root can delete them sooner.
   */
  public java.time.Period s3Retention() {
    return java.time.Period.ofYears(wholeInt("portal.s3.retention-years", 30, 1, 1000));
  }

  /**
   * PORTAL_S3_ENCRYPTION: {@code none} (default), {@code SSE-S3} (every object written encrypted
   * by the server with its own keys) or {@code SSE-KMS:<key id>} (with that key of the server's
   * key management service); a server that does not do it is refused (see MinioObjectStore),
   * never written to in the clear.
   */
  public cn.wssp.storage.S3Settings s3Encryption(cn.wssp.storage.S3Settings plain) {
    return plain.withEncryption(get("portal.s3.encryption").orElse("none"));
  }

  /** Classpath of the embedded S3 server's JVM (set by ./portal: s3-embedded/target/lib). */
  public Optional<String> s3EmbeddedClasspath() {
    return get("portal.s3.embedded.classpath");
  }

  /** How often the embedded S3 server's process is checked (and restarted if it died). */
  public java.time.Duration s3SuperviseEvery() {
    return java.time.Duration.ofSeconds(whole("portal.s3.supervise-seconds", 5, 1, 3600));
  }

  /**
   * The storage reconciliation (orphans, missing objects): PORTAL_STORAGE_ORPHAN_MIN_AGE_MINUTES
   * (default 30: younger unreferenced objects may be uploads in flight),
   * PORTAL_STORAGE_QUARANTINE_DAYS (default 7), PORTAL_STORAGE_RECONCILE_MINUTES (default 15).
   */
  public cn.wssp.portal.domain.storage.StoragePolicy storagePolicy() {
    return new cn.wssp.portal.domain.storage.StoragePolicy(
        java.time.Duration.ofMinutes(whole("portal.storage.orphan-min-age-minutes", 30, 1, Long.MAX_VALUE)),
        java.time.Duration.ofDays(whole("portal.storage.quarantine-days", 7, 0, 36500)),
        java.time.Duration.ofMinutes(whole("portal.storage.reconcile-minutes", 15, 1, Long.MAX_VALUE)));
  }

  /** PAdES B-LTA: PORTAL_LTA_HORIZON_DAYS (default 365) before a timestamp's certificates expire. */
  public cn.wssp.portal.domain.model.ArchivePolicy archivePolicy() {
    return new cn.wssp.portal.domain.model.ArchivePolicy(
        java.time.Duration.ofDays(whole("portal.lta.horizon-days", 365, 1, 36500)));
  }

  public Optional<String> smtpHost() {
    return get("portal.smtp.host");
  }

  public int smtpPort() {
    return wholeInt("portal.smtp.port", 25, 1, 65535);
  }

  public String mailFrom() {
    return get("portal.mail.from").orElse("noreply@wssp.local");
  }

  /** Demo data is on by default only on embedded defaults (API.md). */
  public boolean demoData() {
    return get("portal.demo.data").map(Boolean::parseBoolean)
        .orElse(embeddedDatabase() && s3Endpoint().isEmpty());
  }

  /**
   * Password of the PKCS#12 key stores: PORTAL_PKI_PASSWORD, or the first line of the file
   * PORTAL_PKI_PASSWORD_FILE names (kept outside the data folder in production, so a copy of
   * the data folder does not carry the password that opens its keys). When neither is set, one
   * is generated under the data folder (embedded defaults).
   */
  public Optional<String> pkiPassword() {
    Optional<String> direct = get("portal.pki.password");
    if (direct.isPresent()) {
      return direct;
    }
    return get("portal.pki.password-file").map(file -> {
      try {
        return java.nio.file.Files.readAllLines(Path.of(file)).stream().findFirst()
            .map(String::trim).filter(s -> !s.isEmpty())
            .orElseThrow(() -> new IllegalStateException("PORTAL_PKI_PASSWORD_FILE 为空：" + file));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("无法读取 PORTAL_PKI_PASSWORD_FILE：" + file, e);
      }
    });
  }

  /**
   * PORTAL_PKI_ROOT_KEY_STORE: where a new CA puts its root key (not in ca.p12), so it can be
   * kept offline; absent at run time once the issuing CA exists.
   */
  public Optional<Path> pkiRootKeyStore() {
    return get("portal.pki.root-key-store").map(Path::of);
  }

  /**
   * PORTAL_SEAL_PKCS11_CONFIG: a SunPKCS11 configuration file naming the HSM's PKCS#11 library
   * and slot; set, the seal keys are generated and kept on that token instead of seals.p12.
   */
  public Optional<Path> sealPkcs11Config() {
    return get("portal.seal.pkcs11.config").map(Path::of);
  }

  /** The token's user PIN: PORTAL_SEAL_PKCS11_PIN, or the first line of PORTAL_SEAL_PKCS11_PIN_FILE. */
  public Optional<String> sealPkcs11Pin() {
    Optional<String> direct = get("portal.seal.pkcs11.pin");
    if (direct.isPresent()) {
      return direct;
    }
    return get("portal.seal.pkcs11.pin-file").map(file -> {
      try {
        return java.nio.file.Files.readAllLines(Path.of(file)).stream().findFirst()
            .map(String::trim).filter(s -> !s.isEmpty())
            .orElseThrow(() -> new IllegalStateException("PORTAL_SEAL_PKCS11_PIN_FILE 为空：" + file));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("无法读取 PORTAL_SEAL_PKCS11_PIN_FILE：" + file, e);
      }
    });
  }

  /**
   * PORTAL_TEST_CLOCK=true lets a CENTER_ADMIN move the portal's clock (API.md). Only with demo
   * data: a real portal's deadlines must follow real time.
   */
  public boolean testClock() {
    return get("portal.test.clock").map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * PORTAL_TEST_PAUSE_AFTER_STORE_MS: crash tests hold each issuance this long between storing
   * the PDF and committing its record, to kill the portal there. Only with demo data.
   */
  public long testPauseAfterStoreMillis() {
    return whole("portal.test.pause-after-store-ms", 0, 0, 3_600_000);
  }

  public String centerName() {
    return get("portal.center.name").orElse("演示市行政服务中心");
  }

  /**
   * PORTAL_CENTER_ADDRESS, PORTAL_CENTER_HOURS, PORTAL_CENTER_PHONE: the window's place, hours
   * and telephone on every guide. The demo center's with demo data on; otherwise unset ones are
   * not shown (a made-up address must never reach a real deployment).
   */
  public cn.wssp.portal.domain.service.CenterContact centerContact() {
    boolean demo = demoData();
    return new cn.wssp.portal.domain.service.CenterContact(
        get("portal.center.address").orElse(demo ? "演示市人民路 1 号市民中心二楼综合受理窗口（演示）" : null),
        get("portal.center.hours").orElse(demo ? "工作日 9:00–12:00、13:30–17:00（法定节假日除外）" : null),
        get("portal.center.phone").orElse(demo ? "0000-1234567（演示）" : null));
  }

  /**
   * What one enterprise may keep in the store, all its applications' materials together
   * (PORTAL_STORAGE_QUOTA_MB, default 2048; 0: no quota).
   */
  public cn.wssp.portal.domain.storage.StorageQuota storageQuota() {
    long mb = whole("portal.storage.quota-mb", 2048, 0, Long.MAX_VALUE);
    return new cn.wssp.portal.domain.storage.StorageQuota(Math.min(mb, Long.MAX_VALUE >> 20) << 20);
  }

  /** Hard cap on one upload; per-material limits are pre-review findings below it. */
  public long uploadMaxBytes() {
    return whole("portal.upload.max-bytes", 100L << 20, 1, Long.MAX_VALUE);
  }

  /**
   * How long a claimed background job stays with the instance that claimed it. An instance that
   * dies holds its jobs this long before another takes them over (PORTAL_JOB_LEASE_SECONDS).
   */
  public java.time.Duration jobLease() {
    return java.time.Duration.ofSeconds(whole("portal.job.lease-seconds", 120, 10, 86_400));
  }

  static final int JOB_THREADS_PER_WORKER = 4;

  /**
   * Background jobs one instance runs at once (PORTAL_JOB_THREADS), by default four per worker
   * JVM of the pre-review. Why so many: a pre-review's own steps (reading the application, fetching
   * its files, writing the verdict) run on its job thread in the portal, where the scheduler shares
   * the processors thread by thread; with one job thread per worker, two threads among the hundreds
   * serving requests got a sliver of the CPU under load and verdicts waited half a minute. On 2
   * cores under the load run: 2 threads 618 submissions, verdict p50 26 s; 4 threads 730, 11 s;
   * 8 threads 758, 10 s (docs/PERFORMANCE.md). Alone, with nothing else running, 2 were as fast.
   */
  public int jobThreads() {
    return wholeInt("portal.job.threads",
        JOB_THREADS_PER_WORKER * preReviewOptions().effectiveWorkerPoolSize(), 1, 64);
  }

  /**
   * How often every instance runs the time-driven sweeps (deemed acceptance, reminders, …):
   * PORTAL_SWEEP_SECONDS, default 60. The legal clocks count in days, so a minute is plenty.
   */
  public java.time.Duration sweepInterval() {
    return java.time.Duration.ofSeconds(whole("portal.sweep.seconds", 60, 1, 86_400));
  }

  /** PORTAL_PREREVIEW_WORKERS as set (the pool never starts more than the processors). */
  private int preReviewWorkers() {
    return wholeInt("portal.prereview.workers", 4, 1, 256);
  }

  /**
   * Worker JVMs of the pre-review (never more than the processors; PORTAL_PREREVIEW_WORKERS) and
   * files each examines before it is replaced (PORTAL_PREREVIEW_WORKER_MAX_FILES).
   */
  public cn.wssp.prereview.PreReviewer.Options preReviewOptions() {
    return cn.wssp.prereview.PreReviewer.Options.defaults()
        .withWorkerPoolSize(preReviewWorkers())
        .withWorkerMaxFiles(wholeInt("portal.prereview.worker-max-files", 1000, 1, 10_000_000));
  }

  public String instanceName() {
    return get("portal.instance.name").orElse(ProcessHandle.current().pid() + "@" + hostName());
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  /**
   * How long a stopping instance (SIGTERM, Ctrl-C) waits for its requests and jobs in progress
   * before it shuts down anyway: PORTAL_DRAIN_SECONDS, default 20; 0 = no drain ({@link Drain}).
   */
  public java.time.Duration drainTimeout() {
    return java.time.Duration.ofSeconds(whole("portal.drain.seconds", 20, 0, 3600));
  }

  /**
   * How long a login refused only because attempts of the same keys are still being checked
   * waits for them (PORTAL_THROTTLE_PATIENCE_SECONDS, default 10).
   */
  public java.time.Duration throttlePatience() {
    return java.time.Duration.ofSeconds(whole("portal.throttle.patience-seconds", 10, 0, 600));
  }

  /** How long the login and verification throttles lock a key (default 15 minutes). */
  public java.time.Duration throttleLock() {
    return java.time.Duration.ofSeconds(whole("portal.throttle.lock-seconds", 900, 1, 86_400 * 365L));
  }
}
