package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;

/**
 * One place for who may see and act on an application. An application the actor may not see
 * is reported as not found, so its existence does not leak to other enterprises.
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  public static boolean canSee(Actor actor, Application app) {
    if (actor.has(Role.APPLICANT) && app.enterprise().id().equals(actor.enterpriseId())) {
      return true;
    }
    if (actor.has(Role.WINDOW_CLERK) || actor.has(Role.SUPERVISOR) || actor.has(Role.CENTER_ADMIN)) {
      return true;
    }
    return (actor.has(Role.REVIEWER) || actor.has(Role.CHIEF_REP))
        && app.matter().departments().stream().anyMatch(d -> d.id().equals(actor.departmentId()));
  }

  public static void requireVisible(Actor actor, Application app) {
    if (app == null || !canSee(actor, app)) {
      throw DomainException.notFound("申请");
    }
  }

  /** The applicant side: the enterprise's own staff. */
  public static void requireOwner(Actor actor, Application app) {
    requireVisible(actor, app);
    if (!actor.has(Role.APPLICANT) || !app.enterprise().id().equals(actor.enterpriseId())) {
      throw DomainException.forbidden("只有申请企业的用户可以进行此操作。");
    }
  }

  public static void requireRole(Actor actor, Role role, String action) {
    if (!actor.has(role)) {
      throw DomainException.forbidden("只有" + role.label() + "可以" + action + "。");
    }
  }
}
