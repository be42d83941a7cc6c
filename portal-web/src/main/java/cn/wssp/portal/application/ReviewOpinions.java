package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * 审查意见: a reviewer of a deciding department records its opinion for the chief
 * representative; the rules are {@link ReviewOpinion}'s, who may is checked here.
 */
@ApplicationScoped
public class ReviewOpinions {
  @Inject
  ApplicationService applications;

  @Inject
  AccountRepository accounts;

  @Inject
  DepartmentReviewRepository reviews;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  @Transactional
  public ReviewOpinion give(Actor actor, Long applicationId, DecisionOutcome outcome,
      String reason) {
    Application app = applications.visible(actor, applicationId);
    AccessPolicy.requireRole(actor, Role.REVIEWER, "提出审查意见");
    UserAccount reviewer = accounts.require(actor.userId());
    ReviewOpinion opinion = ReviewOpinion.of(app,
        new JointDecision(app, reviews.decisions(app.id())), reviewer, outcome, reason,
        Instant.now(clock), clock.getZone());
    reviews.addOpinion(opinion);
    audit.record(actor, app.id(), AuditAction.REVIEW_OPINION, app.status(), app.status(),
        opinion.department().name() + " 审查意见：" + JointDecision.label(outcome)
            + (opinion.reason() == null ? "" : "，理由：" + opinion.reason()));
    return opinion;
  }
}
