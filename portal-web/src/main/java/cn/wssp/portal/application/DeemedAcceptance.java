package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 视为受理 (§3): an application the window has not acted on by the end of its pre-review due day
 * counts as accepted from its submission. Each one is turned in a transaction of its own
 * ({@link DeemedAcceptanceStep}); two instances sweeping at once meet the application's row
 * version, so it happens once.
 */
@ApplicationScoped
public class DeemedAcceptance implements Sweep {

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
    return Sweep.eachApplication(applications.overduePreReviews(LocalDate.now(clock)), step::deem,
        "视为受理");
  }
}
