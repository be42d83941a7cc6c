package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 超时默许 (issue 8): on a matter the center marked so, an accepted application whose review
 * clock ran out without a decision counts as approved; the center issues the approval under its
 * own seal. Each one in a transaction of its own ({@link DeemedApprovalStep}), which locks the
 * application's row first, so of several instances sweeping at once exactly one issues it.
 */
@ApplicationScoped
public class DeemedApproval implements Sweep {
  @Inject
  ApplicationRepository applications;

  @Inject
  DeemedApprovalStep step;

  @Inject
  Clock clock;

  @Override
  public String name() {
    return "deemedApproved";
  }

  @Override
  public int run() {
    return Sweep.eachApplication(
        applications.overdueReviewsDeemedApproved(LocalDate.now(clock)), step::approve, "超时默许");
  }
}
