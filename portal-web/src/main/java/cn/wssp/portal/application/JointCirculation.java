package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * 抄告相关 (并联审批: 一门受理、抄告相关、联合审批、限时办结): when a joint matter is accepted,
 * every department's reviewers and chief representatives are told at once, in the portal, so the
 * departments examine it side by side rather than one after the other.
 */
@ApplicationScoped
public class JointCirculation {
  @Inject
  AccountRepository accounts;

  @Inject
  Notifications notifications;

  @Inject
  AuditTrail audit;

  /** Tells every department of a joint matter; a matter of one department needs no 抄告. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void circulate(Actor actor, Application app) {
    var departments = app.matter().departments();
    if (departments.size() < 2) {
      return;
    }
    String all = DecisionService.names(departments);
    int told = 0;
    for (Department d : departments) {
      for (UserAccount staff : accounts.staffOf(d)) {
        notifications.tellStaff(staff, app, "联办件抄告",
            "联办事项「" + app.matter().name() + "」（" + app.enterprise().name() + "）已受理，由"
                + all + "并联审批。请" + d.name() + "审查并作出本部门的决定，承诺时限至 "
                + app.reviewDue() + "。");
        told++;
      }
    }
    audit.record(actor, app.id(), AuditAction.JOINT_CIRCULATED, app.status(), app.status(),
        "抄告 " + all + "（" + told + " 人）");
  }

  /** One department decided: the departments still to decide are told (their time runs too). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tellPending(Application app, DepartmentDecision decided, java.util.List<Department> pending) {
    for (Department d : pending) {
      for (UserAccount staff : accounts.staffOf(d)) {
        notifications.tellStaff(staff, app, "联办件进展",
            decided.department().name() + "已作出" + JointDecision.label(decided.outcome())
                + "决定，待" + d.name() + "决定，承诺时限至 " + app.reviewDue() + "。");
      }
    }
  }
}
