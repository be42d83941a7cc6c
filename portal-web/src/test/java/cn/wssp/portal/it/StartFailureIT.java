package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * A portal that cannot start says why and exits, in the terminal it was started from: it does
 * not stay up answering nothing but a DOWN readiness.
 */
class StartFailureIT {
  @Test
  void aWrongSettingStopsTheStartNamingTheVariable() throws Exception {
    RunningPortal.onlyOnTheEmbeddedDatabase("a wrong setting stopping the start");
    try (RunningPortal portal = RunningPortal.dedicated("start-failure")) {
      portal.environment.put("PORTAL_JOB_THREADS", "many");
      IllegalStateException failed = assertThrows(IllegalStateException.class, portal::start);
      assertTrue(failed.getMessage().startsWith("portal exited with 1"), failed.getMessage());
      String log = portal.logTail();
      assertTrue(log.contains("PORTAL_JOB_THREADS"), log);
      assertTrue(log.contains("门户启动失败"), log);
    }
  }
}
