package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 视为受理 (§3): an application the window has not acted on by the end of its pre-review due day
 * counts as accepted from its submission. Each one is turned in a transaction of its own
 * ({@link DeemedAcceptanceStep}); two instances sweeping at once meet the application's row
 * version, so it happens once.
 */
@ApplicationScoped
public class DeemedAcceptance implements Sweep {
  private static final Logger LOG = Logger.getLogger(DeemedAcceptance.class.getName());

  @Inject
  ApplicationRepository applications;

  @Inject
  DeemedAcceptanceStep step;

  @Inject
  Clock clock;

  @Override
  public String name() {
    return "deemedAccepted";
  }

  @Override
  public int run() {
    int done = 0;
    for (Long id : applications.overduePreReviews(LocalDate.now(clock))) {
      try {
        done += step.deem(id) ? 1 : 0;
      } catch (RuntimeException e) {
        // Another instance took it first, or its notice could not be issued now: next sweep.
        LOG.log(Level.INFO, "视为受理未完成（下次巡检重试）：申请 #" + id + "：" + e.getMessage());
      }
    }
    return done;
  }
}
