package cn.wssp.portal.infrastructure;

import cn.wssp.portal.infrastructure.persistence.PortalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import cn.wssp.portal.infrastructure.jobs.AuditChainer;
import cn.wssp.portal.infrastructure.jobs.JobRunner;
import cn.wssp.portal.infrastructure.signing.PortalSeals;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the portal up in order: schema migrations, object store and keys, demo data, seals.
 * A failure is logged in plain words (a wrong setting names its environment variable) and the
 * portal exits with status 1: a portal that could not start answered nothing but a DOWN
 * readiness, and a supervisor (systemd, {@code ./portal cluster}, a terminal) saw it running.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // Flyway manages its own transactions
public class PortalBootstrap {
  private static final Logger LOG = Logger.getLogger(PortalBootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @Inject
  PortalResources resources;

  @Inject
  DemoData demoData;

  @Inject
  PortalSeals seals;

  @Inject
  JobRunner jobRunner;

  @Inject
  AuditChainer auditChainer;

  @Inject
  cn.wssp.portal.domain.model.DocumentRepository documents;

  private volatile String failure;

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger ITEXT = Logger.getLogger("com.itextpdf");

  @PostConstruct
  void start() {
    PortalSettings settings = PortalSettings.current();
    ITEXT.setLevel(Level.WARNING); // iText logs every certificate it embeds at INFO
    try {
      if (settings.testClock() && !settings.demoData()) {
        throw new IllegalStateException("PORTAL_TEST_CLOCK=true 只能与演示数据（PORTAL_DEMO_DATA=true）一起使用：真实门户的时限必须按真实时间计算。");
      }
      if (settings.testPauseAfterStoreMillis() > 0 && !settings.demoData()) {
        throw new IllegalStateException("PORTAL_TEST_PAUSE_AFTER_STORE_MS 只能与演示数据（PORTAL_DEMO_DATA=true）一起使用。");
      }
      LOG.info("数据目录：" + settings.dataDir() + "；数据库：" + PortalDataSource.describe(settings));
      Flyway.configure(PortalBootstrap.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      resources.start();
      if (settings.demoData()) {
        demoData.seedIfEmpty();
      }
      demoData.enableDemoAccounts(settings.demoData());
      int hashed = documents.hashClearVerificationCodes();
      if (hashed > 0) {
        LOG.info("已将 " + hashed + " 份文书的验证码改为只保存摘要（SHA-256）");
      }
      seals.ensureSeals();
      jobRunner.start();
      auditChainer.start();
      if (settings.testClock()) {
        LOG.warning("测试时钟已开启（PORTAL_TEST_CLOCK=true）：中心管理员可以调整门户时间。");
      }
      LOG.info("网上审批已就绪：" + settings.publicUrl());
    } catch (Exception e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.log(Level.SEVERE, "门户启动失败：" + failure, e);
      exitAfterStartUp();
    }
  }

  /**
   * Exits from a thread of its own: the exit runs Payara's shutdown, which waits for this
   * deployment (still in this method) to end.
   */
  private static void exitAfterStartUp() {
    Thread exit = new Thread(() -> {
      LOG.severe("门户未能启动，进程退出（状态 1）。The portal could not start and exits (status 1).");
      Runtime.getRuntime().exit(1);
    }, "portal-start-failed");
    exit.start();
  }

  /** Why start-up failed, or null when it succeeded. */
  public String failure() {
    return failure;
  }
}
