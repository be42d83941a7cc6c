package cn.wssp.portal.infrastructure;

import cn.wssp.portal.application.TestPause;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** {@link TestPause} from PORTAL_TEST_PAUSE_AFTER_STORE_MS (0, the default: no pause). */
@ApplicationScoped
public class ConfiguredTestPause implements TestPause {
  private static final Logger LOG = Logger.getLogger(ConfiguredTestPause.class.getName());

  private final long millis = PortalSettings.current().testPauseAfterStoreMillis();

  @Override
  public void afterDocumentStored() {
    if (millis <= 0) {
      return;
    }
    LOG.warning("测试暂停：文书已存储、记录未提交，暂停 " + millis + " ms（PORTAL_TEST_PAUSE_AFTER_STORE_MS）");
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
