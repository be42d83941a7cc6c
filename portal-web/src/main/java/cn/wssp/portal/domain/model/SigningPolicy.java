package cn.wssp.portal.domain.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who may seal a decision, and in which order (首席代表制, §6): a chief representative of a
 * department of the matter, within a written delegation (委托书) in force that day; role B signs
 * normally, role A only while B is absent. A joint matter (联办件) is sealed department by
 * department in the matter's order; an approval needs every department's seal, a denial one.
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

  /** Joint order: every department before this one in the matter's list has sealed. */
  public static void requireTurn(Matter matter, Department department, Set<Long> sealedDepartments) {
    if (sealedDepartments.contains(department.id())) {
      throw DomainException.conflict("本部门已在该决定书上签章。");
    }
    for (Department d : matter.departments()) {
      if (d.id().equals(department.id())) {
        return;
      }
      if (!sealedDepartments.contains(d.id())) {
        throw DomainException.conflict("联办事项按顺序签章：请等待「" + d.name() + "」先签章。");
      }
    }
  }

  /** Seals a decision needs before it is issued. */
  public static int sealsNeeded(Matter matter, DecisionOutcome outcome) {
    return outcome == DecisionOutcome.DENY ? 1 : matter.departments().size();
  }

  /** The slot (0-based) of a department's seal on a joint decision: the matter's order. */
  public static int slotOf(Matter matter, Department department) {
    List<Department> order = matter.departments();
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).id().equals(department.id())) {
        return i;
      }
    }
    return 0;
  }
}
