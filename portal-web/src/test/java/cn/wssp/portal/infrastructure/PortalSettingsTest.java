package cn.wssp.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A numeric setting that cannot be used stops the start naming the variable, the range and the value. */
class PortalSettingsTest {

  @Test
  void unsetSettingsTakeTheirDefaults() {
    PortalSettings none = PortalSettings.of(Map.of());
    assertEquals(8080, none.httpPort());
    assertEquals(Duration.ofSeconds(60), none.sweepInterval());
    assertEquals(100L << 20, none.uploadMaxBytes());
    assertEquals(Duration.ofSeconds(20), none.drainTimeout());
  }

  @Test
  void givenValuesAreReadWithTheirSpacesTrimmed() {
    PortalSettings given = PortalSettings.of(Map.of("portal.job.threads", " 3 ",
        "portal.drain.seconds", "0", "portal.storage.quota-mb", "0"));
    assertEquals(3, given.jobThreads());
    assertEquals(Duration.ZERO, given.drainTimeout());
    assertEquals(0, given.storageQuota().bytesPerEnterprise(), "0: no quota");
  }

  @Test
  void notANumberIsRefusedNamingTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PortalSettings.of(Map.of("portal.job.threads", "eight")).jobThreads());
    assertEquals("设置 PORTAL_JOB_THREADS 应为 1 到 64 之间的整数，现为「eight」"
        + "（PORTAL_JOB_THREADS must be a whole number from 1 to 64, not \"eight\"）", e.getMessage());
  }

  @Test
  void outOfRangeIsRefusedAtEitherEnd() {
    assertRefused("portal.http.port", "0", "PORTAL_HTTP_PORT", "1 到 65535");
    assertRefused("portal.http.port", "65536", "PORTAL_HTTP_PORT", "1 到 65535");
    assertRefused("portal.storage.quota-mb", "-1", "PORTAL_STORAGE_QUOTA_MB", "不小于 0 的整数");
    assertRefused("portal.prereview.worker-max-files", "1e3", "PORTAL_PREREVIEW_WORKER_MAX_FILES",
        "1 到 10000000");
    assertRefused("portal.test.pause-after-store-ms", "12s", "PORTAL_TEST_PAUSE_AFTER_STORE_MS",
        "0 到 3600000");
  }

  @Test
  void environmentNamesFollowMicroProfileConfig() {
    assertEquals("PORTAL_PREREVIEW_WORKER_MAX_FILES",
        PortalSettings.environmentName("portal.prereview.worker-max-files"));
  }

  private static void assertRefused(String key, String value, String variable, String range) {
    PortalSettings settings = PortalSettings.of(Map.of(key, value));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      settings.httpPort();
      settings.storageQuota();
      settings.preReviewOptions();
      settings.testPauseAfterStoreMillis();
    });
    assertTrue(e.getMessage().startsWith("设置 " + variable + " 应为"), e.getMessage());
    assertTrue(e.getMessage().contains(range), e.getMessage());
    assertTrue(e.getMessage().contains("「" + value + "」"), e.getMessage());
  }
}
