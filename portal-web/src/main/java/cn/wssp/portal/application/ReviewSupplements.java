package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 审查补正: during review, a reviewer or the chief representative of a deciding department (one
 * that has not decided yet) asks the applicant to replace materials; the review clock pauses
 * until the applicant submits them ({@link ApplicationService#submit}). The state rules are
 * {@link Application}'s; who may is checked here.
 */
@ApplicationScoped
public class ReviewSupplements {
  @Inject
  ApplicationService applications;

  @Inject
  AccountRepository accounts;

  @Inject
  DepartmentReviewRepository reviews;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Transactional
  public Application request(Actor actor, Long applicationId, String reason,
      List<String> materials) {
    Application app = applications.visible(actor, applicationId);
    if (!AccessPolicy.isDepartmentStaff(actor, app)) {
      throw DomainException.forbidden("只有审批部门的审查人员或首席代表可以要求审查补正。")
          .inEnglish("Only the deciding department's reviewers or chief representatives can ask"
              + " for a supplement during review.");
    }
    UserAccount staff = accounts.require(actor.userId());
    // A department that has decided has said its word; nothing to supplement for it.
    new JointDecision(app, reviews.decisions(app.id())).requireOpenFor(staff.department(),
        clock.getZone());
    ApplicationStatus from = app.status();
    app.requestReviewSupplement(reason, materials, LocalDate.now(clock), Instant.now(clock));
    String names = app.matter().materialNames(app.reviewSupplementMaterials());
    audit.record(actor, app.id(), AuditAction.REVIEW_SUPPLEMENT_REQUESTED, from, app.status(),
        staff.department().name() + " 要求补正 " + String.join(",", app.reviewSupplementMaterials())
            + "：" + app.reviewSupplementReason() + "；审查时限自 " + app.reviewPausedOn() + " 起暂停");
    notifications.tellApplicant(app, "补正告知",
        staff.department().name() + "在审查中要求补正，理由：" + app.reviewSupplementReason()
            + "。请重新上传" + names + "后再次提交；补正期间审查时限暂停计算。");
    return app;
  }
}
