package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.util.ArrayList;
import java.util.List;

public class InMemoryDepartmentReviews implements DepartmentReviewRepository {
  public final List<DepartmentDecision> decisions = new ArrayList<>();
  public final List<ReviewOpinion> opinions = new ArrayList<>();

  @Override
  public List<DepartmentDecision> decisions(Long applicationId) {
    return decisions.stream().filter(d -> d.applicationId().equals(applicationId)).toList();
  }

  @Override
  public List<DepartmentDecision> decisionsForUpdate(Long applicationId) {
    return decisions(applicationId);
  }

  @Override
  public void addDecision(DepartmentDecision decision) {
    // As the database's UNIQUE (application_id, department_id).
    if (decisions.stream().anyMatch(d -> d.applicationId().equals(decision.applicationId())
        && d.isOf(decision.department()))) {
      throw new IllegalStateException("duplicate department decision");
    }
    decisions.add(Ids.assign(decision));
  }

  @Override
  public List<ReviewOpinion> opinions(Long applicationId) {
    return opinions.stream().filter(o -> o.applicationId().equals(applicationId)).toList();
  }

  @Override
  public void addOpinion(ReviewOpinion opinion) {
    opinions.add(Ids.assign(opinion));
  }
}
