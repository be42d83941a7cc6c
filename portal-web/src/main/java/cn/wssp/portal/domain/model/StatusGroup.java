package cn.wssp.portal.domain.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * How an applicant sorts the enterprise's applications (我的办件): 草稿, 办理中, 待补正 (the
 * applicant must act: the window's one-time notice or a department's 审查补正), 已办结.
 * Every status belongs to exactly one group.
 */
public enum StatusGroup {
  DRAFT(EnumSet.of(ApplicationStatus.DRAFT)),
  IN_PROGRESS(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.PRE_REVIEWED,
      ApplicationStatus.ACCEPTED, ApplicationStatus.ACCEPTED_ON_COMMITMENT,
      ApplicationStatus.DEEMED_ACCEPTED, ApplicationStatus.UNDER_REVIEW,
      ApplicationStatus.FORWARDED, ApplicationStatus.APPROVED, ApplicationStatus.DENIED)),
  SUPPLEMENT(EnumSet.of(ApplicationStatus.SUPPLEMENT_REQUESTED,
      ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED)),
  CLOSED(EnumSet.of(ApplicationStatus.ISSUED, ApplicationStatus.NOT_ACCEPTED,
      ApplicationStatus.WITHDRAWN, ApplicationStatus.REVOKED));

  private final Set<ApplicationStatus> statuses;

  StatusGroup(Set<ApplicationStatus> statuses) {
    this.statuses = statuses;
  }

  public Set<ApplicationStatus> statuses() {
    return EnumSet.copyOf(statuses);
  }

  public static StatusGroup of(ApplicationStatus status) {
    for (StatusGroup g : values()) {
      if (g.statuses.contains(status)) {
        return g;
      }
    }
    throw new IllegalStateException("no group for " + status);
  }
}
