package cn.wssp.portal.domain.model;

import java.util.List;

/**
 * The departments' part of an application after acceptance: each department's decision
 * (并联审批) and the reviewers' opinions (审查意见). Methods join the caller's transaction.
 */
public interface DepartmentReviewRepository {
  /** The departments' decisions, oldest first. */
  List<DepartmentDecision> decisions(Long applicationId);

  /**
   * As {@link #decisions}, with the application locked until the transaction ends: two
   * departments deciding at once are taken one after the other, so the last approval sees all.
   */
  List<DepartmentDecision> decisionsForUpdate(Long applicationId);

  void addDecision(DepartmentDecision decision);

  /** The reviewers' opinions, oldest first. */
  List<ReviewOpinion> opinions(Long applicationId);

  void addOpinion(ReviewOpinion opinion);
}
