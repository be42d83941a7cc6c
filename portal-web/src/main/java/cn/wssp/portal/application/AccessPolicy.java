package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.ApplicationScope;
import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MatterKind;
import cn.wssp.portal.domain.model.ReviewOpinion;
import cn.wssp.portal.domain.model.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * One place for who may see and act on an application (least privilege, ASVS V4; the reasons
 * are in docs/SECURITY.md). An application the actor may not see is reported as not found, so
 * its existence does not leak. Whether the application's state allows an action is the
 * domain's rule ({@link Application}); this class adds who the actor is.
 *
 * <ul>
 *   <li>The applying enterprise's staff: everything of their own applications.
 *   <li>Staff see an application only from its first submission on: a draft is the
 *       enterprise's own business.
 *   <li>The window (统一受理, one window for every department) and the departments of the matter
 *       read materials and documents; the supervisor (电子监察) reads documents, deadlines and the
 *       audit trail but not the enterprise's materials; the center's technical administrator
 *       sees the application's state only, neither materials nor documents.
 * </ul>
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  public static boolean canSee(Actor actor, Application app) {
    if (isOwner(actor, app)) {
      return true;
    }
    if (app.submittedAt() == null) {
      return false;
    }
    return seesEverySubmitted(actor) || isDepartmentStaff(actor, app);
  }

  /**
   * The window (one for every department), the supervisor and the center's administrator see
   * every submitted application; reviewers and chiefs only their department's matters. The
   * lists that count in the database put the same two rules into their query.
   */
  public static boolean seesEverySubmitted(Actor actor) {
    return actor.has(Role.WINDOW_CLERK) || actor.has(Role.SUPERVISOR)
        || actor.has(Role.CENTER_ADMIN);
  }

  /** A reviewer or chief representative: sees the matters their department decides. */
  public static boolean isDepartmentMember(Actor actor) {
    return (actor.has(Role.REVIEWER) || actor.has(Role.CHIEF_REP)) && actor.departmentId() != null;
  }

  /**
   * The applications a list of the actor's may hold, for the database to narrow it: the same
   * rule as {@link #canSee}, which still filters every row read.
   */
  public static ApplicationScope scopeOf(Actor actor) {
    if (actor.has(Role.APPLICANT) && !actor.isStaff()) {
      return ApplicationScope.enterprise(actor.enterpriseId());
    }
    if (seesEverySubmitted(actor)) {
      return ApplicationScope.everySubmitted();
    }
    return isDepartmentMember(actor) ? ApplicationScope.department(actor.departmentId())
        : ApplicationScope.nothing();
  }

  /** A reviewer or chief representative of a department that decides the matter. */
  static boolean isDepartmentStaff(Actor actor, Application app) {
    return isDepartmentMember(actor)
        && app.matter().departments().stream().anyMatch(d -> d.id().equals(actor.departmentId()));
  }

  /** The uploaded materials: the enterprise, the window that judges them, the deciding departments. */
  public static boolean canReadMaterials(Actor actor, Application app) {
    return canSee(actor, app) && (isOwner(actor, app) || actor.has(Role.WINDOW_CLERK)
        || isDepartmentStaff(actor, app));
  }

  /** Issued notices and decisions: as materials, and the supervisor who checks the outcomes. */
  public static boolean canReadDocuments(Actor actor, Application app) {
    return canReadMaterials(actor, app) || (canSee(actor, app) && actor.has(Role.SUPERVISOR));
  }

  /** The applicant side: staff of the enterprise that applied. */
  public static boolean isOwner(Actor actor, Application app) {
    return actor.has(Role.APPLICANT) && app.enterprise().id().equals(actor.enterpriseId());
  }

  public static void requireVisible(Actor actor, Application app) {
    if (app == null || !canSee(actor, app)) {
      throw DomainException.notFound("申请")
          .inEnglish("The application does not exist or you may not see it.");
    }
  }

  public static void requireOwner(Actor actor, Application app) {
    requireVisible(actor, app);
    if (!isOwner(actor, app)) {
      throw DomainException.forbidden("只有申请企业的用户可以进行此操作。")
          .inEnglish("Only the applying enterprise's users can do this.");
    }
  }

  public static void requireRole(Actor actor, Role role, String action) {
    if (!actor.has(role)) {
      throw DomainException.forbidden("只有" + role.label() + "可以" + action + "。")
          .inEnglish("Only " + inWords(role) + " can do this.");
    }
  }

  /** Those who hold a role, in English words for a refusal ("center administrators"). */
  private static String inWords(Role role) {
    return switch (role) {
      case APPLICANT -> "enterprise users";
      case WINDOW_CLERK -> "window clerks";
      case REVIEWER -> "reviewers";
      case CHIEF_REP -> "chief representatives";
      case CENTER_ADMIN -> "center administrators";
      case SUPERVISOR -> "supervisors";
    };
  }

  /** What this actor may do with this application now ({@code committed}: a 承诺书 is signed). */
  public static Set<ApplicationAction> actionsFor(Actor actor, Application app, boolean committed) {
    return actionsFor(actor, app, committed, false, false);
  }

  /**
   * @param promisedOpen an open commitment whose materials may still be handed in
   * @param approved the issued decision is an approval (revocable)
   */
  public static Set<ApplicationAction> actionsFor(Actor actor, Application app, boolean committed,
      boolean promisedOpen, boolean approved) {
    Set<ApplicationAction> actions = EnumSet.noneOf(ApplicationAction.class);
    if (!canSee(actor, app)) {
      return actions;
    }
    if (isOwner(actor, app)) {
      if (app.isEditableByApplicant()) {
        actions.add(ApplicationAction.EDIT_MATERIALS);
        actions.add(ApplicationAction.SUBMIT);
      }
      if (app.isWithdrawable()) {
        actions.add(ApplicationAction.WITHDRAW);
      }
      if (app.isOpenToCommitment(committed)) {
        actions.add(ApplicationAction.COMMIT);
      }
      if (promisedOpen) {
        actions.add(ApplicationAction.SUPPLY_PROMISED);
      }
      if (ApplicationStatus.EVALUABLE.contains(app.status())) {
        actions.add(ApplicationAction.EVALUATE); // once: the view drops it when rated
      }
      if (app.status() == ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED) {
        actions.add(ApplicationAction.SUPPLY_REVIEW_SUPPLEMENT);
        actions.add(ApplicationAction.SUBMIT);
      }
    }
    if (actor.has(Role.WINDOW_CLERK) && app.status() == ApplicationStatus.PRE_REVIEWED) {
      actions.add(ApplicationAction.ACCEPTANCE);
    }
    // 上报件: the higher authority decides; the department forwards and records its answer.
    boolean forwardedKind = app.matter().kind() == MatterKind.FORWARDED;
    if (actor.has(Role.CHIEF_REP) && ApplicationStatus.DECIDABLE.contains(app.status())
        && !forwardedKind) {
      actions.add(ApplicationAction.DECISION);
    }
    if (forwardedKind && isDepartmentStaff(actor, app)
        && ApplicationStatus.UNDER_EXAMINATION.contains(app.status())) {
      actions.add(ApplicationAction.FORWARD);
    }
    if (actor.has(Role.CHIEF_REP) && isDepartmentStaff(actor, app)
        && app.status() == ApplicationStatus.FORWARDED) {
      actions.add(ApplicationAction.ANSWER_FORWARDING);
    }
    if (isDepartmentStaff(actor, app)
        && ApplicationStatus.UNDER_EXAMINATION.contains(app.status())) {
      actions.add(ApplicationAction.REVIEW_SUPPLEMENT);
    }
    if (actor.has(Role.CHIEF_REP) && app.status() == ApplicationStatus.ISSUED && approved) {
      actions.add(ApplicationAction.REVOKE);
    }
    if (canReadMaterials(actor, app)) {
      actions.add(ApplicationAction.READ_MATERIALS);
    }
    if (canReadDocuments(actor, app)) {
      actions.add(ApplicationAction.READ_DOCUMENTS);
    }
    actions.add(ApplicationAction.READ_AUDIT_TRAIL); // owner and staff alike (API.md)
    return actions;
  }

  /** 审查意见 are internal advice: the deciding departments, the window and the supervisor. */
  public static boolean canReadOpinions(Actor actor, Application app) {
    return canSee(actor, app) && !isOwner(actor, app) && (isDepartmentStaff(actor, app)
        || actor.has(Role.WINDOW_CLERK) || actor.has(Role.SUPERVISOR));
  }

  /**
   * 并联审批: a department that has decided does not decide again; while it has not, its
   * reviewers may give their opinion on an accepted application.
   */
  public static void narrowToDepartment(Set<ApplicationAction> actions, Actor actor,
      Application app, boolean ownDepartmentDecided) {
    if (ownDepartmentDecided) {
      actions.remove(ApplicationAction.DECISION);
      actions.remove(ApplicationAction.REVIEW_SUPPLEMENT);
    } else if (actor.has(Role.REVIEWER) && isDepartmentStaff(actor, app)
        && ReviewOpinion.isOpenFor(app)) {
      actions.add(ApplicationAction.OPINION);
    }
  }
}
