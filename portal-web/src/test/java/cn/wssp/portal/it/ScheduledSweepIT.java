package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sweeps as they run in production: on their schedule, on the container's scheduled
 * executor, with nobody calling /admin/sweeps/run. Two weeks of silence from the window must
 * end in 视为受理 by the scheduler alone, and sweep after sweep must keep working (they all
 * failed after the first once, on a closed EntityManager, and only the log said so).
 */
class ScheduledSweepIT {
  static final int SWEEP_SECONDS = 2;

  @Test
  void theScheduledSweepDeemsASilentWindowsApplicationAcceptedAndKeepsRunning() throws Exception {
    try (RunningPortal portal = RunningPortal.dedicated("sweeps")) {
      portal.environment.put("PORTAL_SWEEP_SECONDS", String.valueOf(SWEEP_SECONDS));
      portal.start();
      Api applicant = Api.login(portal, "applicant");
      long id = ApiJourneyIT.preReviewedLossStatement(applicant);

      // Let several scheduled sweeps pass first: the bug showed from the second run on.
      Thread.sleep(SWEEP_SECONDS * 4 * 1000L);
      Api.Reply moved = Api.login(portal, "admin").post("/api/v1/admin/clock", "{\"advanceDays\":14}");
      assertEquals(200, moved.status(), moved.toString());

      ApiJourneyIT.awaitStatus(Api.login(portal, "applicant"), id, "DEEMED_ACCEPTED");
      Thread.sleep(SWEEP_SECONDS * 3 * 1000L);

      List<String> failures = Files.readAllLines(portal.dataDir.resolve("portal.log")).stream()
          .filter(line -> line.contains("定时巡检") && line.contains("失败")
              || line.contains("closed EntityManager") || line.contains("No invocation on invocation stack"))
          .toList();
      assertEquals(List.of(), failures, "every scheduled sweep ran without failing");
    }
  }
}
