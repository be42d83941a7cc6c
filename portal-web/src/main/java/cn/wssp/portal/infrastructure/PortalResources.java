package cn.wssp.portal.infrastructure;

import cn.wssp.integration.mail.Mailer;
import cn.wssp.integration.mail.SmtpMailer;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.signing.Pkcs11SealKeys;
import cn.wssp.signing.PkiEndpoints;
import cn.wssp.signing.SealAuthority;
import cn.wssp.signing.SigningException;
import cn.wssp.storage.EmbeddedS3Supervisor;
import cn.wssp.storage.MinioObjectStore;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.S3Settings;
import cn.wssp.storage.StorageException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The portal's long-lived outside resources: the object store (embedded S3 server or a real
 * MinIO), the signing authority, the pre-reviewer and the mailer. Started once by
 * {@link PortalBootstrap}; the application layer receives them through {@link PortalProducers}
 * and {@code PortalSeals}, never from here.
 */
@ApplicationScoped
public class PortalResources {
  private static final Logger LOG = Logger.getLogger(PortalResources.class.getName());

  private PortalSettings settings;
  private EmbeddedS3Supervisor embeddedS3;
  private ObjectStore objectStore;
  private SealAuthority sealAuthority;
  private PreReviewer preReviewer;
  private Mailer mailer;

  public synchronized void start() throws StorageException, SigningException {
    if (settings != null) {
      return;
    }
    settings = PortalSettings.current();
    objectStore = openObjectStore();
    String pkiPassword = settings.pkiPassword().orElseGet(() -> {
      if (!settings.demoData()) {
        LOG.warning("密钥库口令保存在数据目录中（data/secrets/pki.password）：生产环境请通过"
            + " PORTAL_PKI_PASSWORD 或数据目录之外的 PORTAL_PKI_PASSWORD_FILE 提供。");
      }
      return Secrets.generatedOnce(settings.dataDir(), "pki.password");
    });
    sealAuthority = SealAuthority.openOrCreate(settings.dataDir().resolve("pki"),
        pkiPassword.toCharArray(), settings.centerName(), pkiEndpoints(settings.publicUrl()),
        openHsm(), settings.pkiRootKeyStore().orElse(null));
    // starts the pool of worker JVMs; stop() closes it
    preReviewer = new PreReviewer(settings.preReviewOptions());
    mailer = settings.smtpHost()
        .map(host -> (Mailer) new SmtpMailer(host, settings.smtpPort(), settings.mailFrom()))
        .orElse(null);
    LOG.info(() -> "文字识别（OCR）：" + preReviewer.ocrStatus()
        + "；邮件通知：" + (mailer == null ? "未配置 PORTAL_SMTP_HOST，仅站内消息" : settings.smtpHost().get()));
    LOG.info(() -> "对象存储保护能力：" + objectStore.protections());
  }

  /** The HSM holding the seal keys when PORTAL_SEAL_PKCS11_CONFIG is set, else null (seals.p12). */
  private Pkcs11SealKeys openHsm() throws SigningException {
    if (settings.sealPkcs11Config().isEmpty()) {
      return null;
    }
    String pin = settings.sealPkcs11Pin().orElseThrow(() -> new SigningException(
        "设置了 PORTAL_SEAL_PKCS11_CONFIG 但缺少 PORTAL_SEAL_PKCS11_PIN 或 PORTAL_SEAL_PKCS11_PIN_FILE"));
    Pkcs11SealKeys hsm = Pkcs11SealKeys.open(settings.sealPkcs11Config().get(), pin.toCharArray());
    LOG.info(() -> "印章密钥保存在 PKCS#11 设备中：" + settings.sealPkcs11Config().get());
    return hsm;
  }

  /**
   * Where seals say their status is published: the short /pki/ addresses (PkiAddresses forwards
   * them to PkiResource, also reachable under /api/v1/pki/) under the public address.
   */
  static PkiEndpoints pkiEndpoints(String publicUrl) {
    String pki = publicUrl + "/pki/";
    return new PkiEndpoints(pki + "ocsp", pki + "issuing.crl", pki + "issuing.pem");
  }

  private ObjectStore openObjectStore() throws StorageException {
    if (settings.s3Endpoint().isPresent()) {
      LOG.info("使用外部对象存储 " + settings.s3Endpoint().get());
      // Not supervised (not ours to restart); an outage, even at start, is only a DOWN readiness
      // and 503 answers until the server answers again.
      return MinioObjectStore.open(settings.s3Encryption(new S3Settings(settings.s3Endpoint().get(),
          settings.s3AccessKey().orElseThrow(() -> new StorageException(
              "设置了 PORTAL_S3_ENDPOINT 但缺少 PORTAL_S3_ACCESS_KEY")),
          settings.s3SecretKey().orElseThrow(() -> new StorageException(
              "设置了 PORTAL_S3_ENDPOINT 但缺少 PORTAL_S3_SECRET_KEY")),
          settings.s3Bucket(), settings.s3Retention())));
    }
    String classpath = settings.s3EmbeddedClasspath().orElseThrow(() -> new StorageException(
        "未配置对象存储：请设置 PORTAL_S3_ENDPOINT（生产环境的 MinIO），"
            + "或用 ./portal start 启动以使用内置的 S3 兼容服务。"));
    String access = Secrets.generatedOnce(settings.dataDir(), "s3.access-key");
    String secret = Secrets.generatedOnce(settings.dataDir(), "s3.secret-key");
    // Supervised: when its process dies it is started again on the same port, and the store
    // below (bound to that endpoint) works again; the pid file lets operators and tests find it.
    embeddedS3 = EmbeddedS3Supervisor.start(settings.dataDir().resolve("objects"), classpath, 0,
        access, secret, Duration.ofSeconds(90), settings.dataDir().resolve("s3-embedded.pid"));
    embeddedS3.watchEvery(settings.s3SuperviseEvery());
    LOG.info("内置 S3 兼容服务已启动：" + embeddedS3.endpoint() + "（pid " + embeddedS3.pid()
        + "，每 " + settings.s3SuperviseEvery().toSeconds() + " 秒检查一次）");
    return MinioObjectStore.connect(
        settings.s3Encryption(new S3Settings(embeddedS3.endpoint(), access, secret,
            settings.s3Bucket(), settings.s3Retention())));
  }

  public PortalSettings settings() {
    return settings;
  }

  public ObjectStore objectStore() {
    return objectStore;
  }

  public SealAuthority sealAuthority() {
    return sealAuthority;
  }

  /** Present when PORTAL_SMTP_HOST is set. */
  public java.util.Optional<Mailer> mailer() {
    return java.util.Optional.ofNullable(mailer);
  }

  public PreReviewer preReviewer() {
    return preReviewer;
  }

  public boolean started() {
    return settings != null;
  }

  @PreDestroy
  synchronized void stop() {
    if (preReviewer != null) {
      preReviewer.close();
    }
    if (objectStore != null) {
      objectStore.close();
    }
    if (embeddedS3 != null) {
      embeddedS3.close();
    }
  }
}
