package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 承诺逾期 (§5): a commitment still open after its due date is breached; the case turns red for
 * the department and the supervisor, who may revoke the decision. Each in a transaction of its
 * own; the commitment's state guards "once" across instances.
 */
@ApplicationScoped
public class CommitmentBreach implements Sweep {

  @Inject
  ApplicationRepository applications;

  @Inject
  CommitmentBreach self;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Override
  public String name() {
    return "commitmentsBreached";
  }

  @Override
  public int run() {
    return Sweep.eachApplication(applications.overdueCommitments(LocalDate.now(clock)),
        self::breach, "承诺逾期认定");
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean breach(Long applicationId) {
    Application app = applications.findForUpdate(applicationId).orElse(null); // the claim: once across instances
    Commitment c = app == null ? null : applications.commitment(app.id()).orElse(null);
    LocalDate today = LocalDate.now(clock);
    if (c == null || !c.isOverdue(today)) {
      return false;
    }
    c.breach(today, Instant.now(clock));
    audit.record(Actor.system(), app.id(), AuditAction.COMMITMENT_BREACHED, app.status(),
        app.status(), "承诺于 " + c.dueDate() + " 前补交 " + String.join(",", c.materials()) + "，逾期未补交");
    notifications.tellApplicant(app, "承诺逾期未履行",
        "承诺补交的材料已逾期（" + c.dueDate() + "），审批部门可依法撤销行政许可决定。");
    return true;
  }
}
