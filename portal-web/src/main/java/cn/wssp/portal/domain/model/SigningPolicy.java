package cn.wssp.portal.domain.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may seal a decision (首席代表制, §6): a chief representative of a department of the
 * matter, named in a written delegation (委托书) of that department in force that day for that
 * matter and granting the act; role B of the letter signs normally, role A only while that B is
 * recorded absent. On a joint matter (联办件) the departments decide in any order
 * ({@link JointDecision}); the joint approval carries their seals in the matter's order.
 */
public final class SigningPolicy {
  private SigningPolicy() {}

  /** What sealing a decision (准予/不予/撤销) exercises: deciding it and issuing the document. */
  public static final Set<DelegatedAction> DECIDING = EnumSet.of(DelegatedAction.APPROVE,
      DelegatedAction.ISSUE);

  /**
   * Refuses with a 403 that names the rule, or returns quietly. {@code departmentsDelegations}
   * are the letters of the chief's department; {@code absentToday} tells whether a user is
   * recorded absent today.
   */
  public static void requireAuthorised(UserAccount chief, Matter matter, LocalDate today,
      Collection<Delegation> departmentsDelegations, Predicate<Long> absentToday,
      Set<DelegatedAction> needed) {
    if (!chief.has(Role.CHIEF_REP)) {
      throw DomainException.forbidden("只有首席代表可以作出决定并电子签章。")
          .inEnglish("Only a chief representative can decide and seal.");
    }
    if (!matter.involves(chief.department())) {
      throw DomainException.forbidden(
          "您所在部门不是事项「" + matter.name() + "」的审批部门，不能签章。")
          .inEnglish("Your department does not decide matter " + matter.code() + ": you cannot"
              + " seal its decisions.");
    }
    List<Delegation> inForce = departmentsDelegations.stream()
        .filter(d -> d.names(chief.id()) && d.covers(chief.department().id(), matter.code(), today))
        .toList();
    if (inForce.isEmpty()) {
      throw DomainException.forbidden("您没有" + chief.department().name() + "就事项「" + matter.name()
          + "」在 " + today + " 有效的授权委托书（委托书须在有效期内并包含该事项），不能签章。")
          .inEnglish("You hold no delegation letter in force on " + today + " for matter "
              + matter.code() + ": you cannot seal.");
    }
    List<Delegation> granting = inForce.stream().filter(d -> d.grants(needed)).toList();
    if (granting.isEmpty()) {
      throw DomainException.forbidden("您的授权委托书未授予「" + labels(needed)
          + "」权限，不能就事项「" + matter.name() + "」签章。")
          .inEnglish("Your delegation letter does not grant " + needed + " for matter "
              + matter.code() + ": you cannot seal.");
    }
    boolean mayActNow = granting.stream().anyMatch(d -> d.roleOf(chief.id()).orElseThrow() == ChiefRole.B
        || d.roleBId() == null || absentToday.test(d.roleBId()));
    if (!mayActNow) {
      throw DomainException.forbidden("B角首席代表在岗时由B角签章；A角仅在B角登记缺席时签章。")
          .inEnglish("The B chief representative seals while present; role A seals only while"
              + " B is recorded absent.");
    }
  }

  /** 审批、签发: the actions' Chinese names, in the enum's order. */
  public static String labels(Set<DelegatedAction> actions) {
    return String.join("、", EnumSet.copyOf(actions).stream().map(DelegatedAction::label).toList());
  }
}
