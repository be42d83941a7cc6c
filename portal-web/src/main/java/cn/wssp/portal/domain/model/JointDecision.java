package cn.wssp.portal.domain.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the departments of a matter have decided together (并联审批: 一门受理、抄告相关、联合审批).
 * Each department decides once, on its own and in any order; one denial ends the matter with a
 * denial by that department alone, and only when every department approved is the joint approval
 * issued. A matter of one department is the simple case of the same rule.
 */
public final class JointDecision {
  /** Where the departments' decisions stand. */
  public enum State {
    /** Some departments have not decided, and none denied. */
    PENDING,
    /** Every department approved: the joint approval is issued with one seal per department. */
    APPROVED,
    /** A department denied: the denial is issued by that department alone. */
    DENIED
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Application application;
  private final List<DepartmentDecision> decisions;

  public JointDecision(Application application, List<DepartmentDecision> decisions) {
    this.application = application;
    this.decisions = new ArrayList<>(decisions);
  }

  /**
   * Records this department's decision: the chief's department must be one of the matter's and
   * must not have decided before (409 naming when it did), and nothing may be decided after a
   * denial. The caller stores the returned decision and acts on {@link #state()}.
   */
  public DepartmentDecision decide(UserAccount chief, DecisionOutcome outcome, String text,
      Instant now, ZoneId zone) {
    Department department = chief.department();
    if (!application.matter().involves(department)) {
      throw DomainException.forbidden("您所在部门不是事项「" + application.matter().name() + "」的审批部门。")
          .inEnglish("Your department does not decide matter \"" + application.matter().name()
              + "\".");
    }
    requireOpenFor(department, zone);
    DepartmentDecision decision = new DepartmentDecision(application.id(), department, outcome,
        text.trim(), chief, now);
    decisions.add(decision);
    return decision;
  }

  /** This department may still decide: 409 with the reason otherwise. */
  public void requireOpenFor(Department department, ZoneId zone) {
    Optional<DepartmentDecision> own = of(department);
    if (own.isPresent()) {
      DepartmentDecision d = own.get();
      throw DomainException.conflict("「" + department.name() + "」已于 "
          + WHEN.format(d.decidedAt().atZone(zone)) + " 作出" + label(d.outcome())
          + "决定，每个部门只能决定一次。")
          .inEnglish("\"" + department.nameForEnglish() + "\" already made its decision ("
              + (d.outcome() == DecisionOutcome.APPROVE ? "approval" : "denial") + ") at "
              + WHEN.format(d.decidedAt().atZone(zone)) + "; each department decides only once.");
    }
    denial().ifPresent(d -> {
      throw DomainException.conflict("「" + d.department().name() + "」已作出不予许可决定，本申请已终结，不能再作出决定。")
          .inEnglish("\"" + d.department().name() + "\" denied the application, which is"
              + " therefore closed: no further decision can be made.");
    });
  }

  public State state() {
    if (denial().isPresent()) {
      return State.DENIED;
    }
    return pending().isEmpty() ? State.APPROVED : State.PENDING;
  }

  /** The department that denied, if one did. */
  public Optional<DepartmentDecision> denial() {
    return decisions.stream().filter(d -> !d.approves()).findFirst();
  }

  /** The approvals, in the matter's order of departments (the order of the seal places). */
  public List<DepartmentDecision> approvalsInMatterOrder() {
    List<DepartmentDecision> approvals = new ArrayList<>();
    for (Department d : application.matter().departments()) {
      of(d).filter(DepartmentDecision::approves).ifPresent(approvals::add);
    }
    return approvals;
  }

  /** Departments that have not decided yet, in the matter's order. */
  public List<Department> pending() {
    return application.matter().departments().stream().filter(d -> of(d).isEmpty()).toList();
  }

  public Optional<DepartmentDecision> of(Department department) {
    return decisions.stream().filter(d -> d.isOf(department)).findFirst();
  }

  public boolean isJoint() {
    return application.matter().departments().size() > 1;
  }

  public static String label(DecisionOutcome outcome) {
    return outcome == DecisionOutcome.APPROVE ? "准予许可" : "不予许可";
  }
}
