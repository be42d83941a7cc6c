package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Actor;
import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.application.ApplicationViews;
import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** "My applications" for applicants; the work waiting for each kind of staff. */
@Named
@RequestScoped
public class WorklistBean {
  @Inject
  CurrentActor current;

  @Inject
  ApplicationService applications;

  @Inject
  ApplicationViews views;

  private List<ApplicationView> rows;

  public List<ApplicationView> getRows() {
    if (rows == null) {
      Actor actor = current.require();
      rows = applications.list(actor, statusesFor(actor)).stream().map(views::of).toList();
    }
    return rows;
  }

  public String getTitle() {
    Actor actor = current.require();
    if (actor.has(Role.WINDOW_CLERK)) {
      return "待受理确认的申请";
    }
    if (actor.has(Role.CHIEF_REP)) {
      return "待决定签章的申请";
    }
    return actor.has(Role.APPLICANT) ? "我的申请" : "申请一览";
  }

  static Set<ApplicationStatus> statusesFor(Actor actor) {
    if (actor.has(Role.WINDOW_CLERK)) {
      return EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.PRE_REVIEWED);
    }
    if (actor.has(Role.CHIEF_REP)) {
      return EnumSet.copyOf(ApplicationStatus.DECIDABLE);
    }
    return Set.of();
  }
}
