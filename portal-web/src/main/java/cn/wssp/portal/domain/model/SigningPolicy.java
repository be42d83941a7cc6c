package cn.wssp.portal.domain.model;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Who may seal a decision (首席代表制, §6): a chief representative of a department of the
 * matter, within a written delegation (委托书) in force that day; role B signs normally, role A
 * only while B is absent. On a joint matter (联办件) the departments decide in any order
 * ({@link JointDecision}); the joint approval carries their seals in the matter's order.
 */
public final class SigningPolicy {
  private SigningPolicy() {}

  /** Refuses with a 403 that names the rule, or returns quietly. */
  public static void requireAuthorised(UserAccount chief, Matter matter, LocalDate today,
      Collection<Delegation> chiefsDelegations, boolean roleBOnDuty) {
    if (!chief.has(Role.CHIEF_REP)) {
      throw DomainException.forbidden("只有首席代表可以作出决定并电子签章。");
    }
    if (!matter.involves(chief.department())) {
      throw DomainException.forbidden(
          "您所在部门不是事项「" + matter.name() + "」的审批部门，不能签章。");
    }
    if (!isDelegated(chief, matter, today, chiefsDelegations)) {
      throw DomainException.forbidden("您没有该事项在今日有效的授权委托书，不能签章。");
    }
    if (chief.chiefRole() == ChiefRole.A && roleBOnDuty) {
      throw DomainException.forbidden("B角首席代表在岗时由B角签章；A角仅在B角登记缺席时签章。");
    }
  }

  /** A delegation of this chief covers the chief's department, the matter and the day. */
  public static boolean isDelegated(UserAccount chief, Matter matter, LocalDate day,
      Collection<Delegation> delegations) {
    return chief.department() != null && delegations.stream()
        .anyMatch(d -> d.userId().equals(chief.id())
            && d.covers(chief.department().id(), matter.code(), day));
  }
}
