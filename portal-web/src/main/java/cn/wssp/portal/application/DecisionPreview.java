package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The chief representative's draft (决定书草稿): the decision this department's outcome and text
 * would issue, rendered like the real one but unsigned, unnumbered, unstored and marked
 * 草稿（未签章，不具法律效力）, to read before entering the PIN.
 */
@ApplicationScoped
public class DecisionPreview {
  @Inject
  ApplicationService applications;

  @Inject
  AccountRepository accounts;

  @Inject
  DepartmentReviewRepository reviews;

  @Inject
  DocumentIssuer issuer;

  @Inject
  Clock clock;

  public byte[] preview(Actor actor, Long applicationId, DecisionOutcome outcome, String text) {
    Application app = applications.visible(actor, applicationId);
    if (!actor.has(Role.CHIEF_REP)) {
      throw DomainException.forbidden("只有审批部门的首席代表可以预览决定书草稿。")
          .inEnglish("Only the deciding department's chief representatives can preview a draft"
              + " decision.");
    }
    UserAccount chief = accounts.require(actor.userId());
    DecisionService.requireComplete(outcome, text);
    app.requireDecidable();
    JointDecision joint = new JointDecision(app, reviews.decisions(app.id()));
    // Decided as it would be, on a copy: nothing is recorded.
    DepartmentDecision mine = joint.decide(chief, outcome, text, clock.instant(), clock.getZone());
    if (outcome == DecisionOutcome.DENY) {
      List<String> body = joint.isJoint()
          ? OfficialTexts.jointDenial(app, clock.getZone(), mine.department(), mine.text())
          : OfficialTexts.denial(app, clock.getZone(), mine.text());
      return issuer.draft(app, DocumentKind.DENIAL_DECISION, body, List.of(mine.department()));
    }
    // Departments still to decide are shown with their place: the draft of the whole decision.
    List<DepartmentDecision> approvals = joint.approvalsInMatterOrder();
    List<String> body = joint.isJoint()
        ? new ArrayList<>(OfficialTexts.jointApproval(app, clock.getZone(), approvals))
        : OfficialTexts.approval(app, clock.getZone(), mine.text());
    if (joint.isJoint() && !joint.pending().isEmpty()) {
      body.add(body.size() - 1, "（" + DecisionService.names(joint.pending()) + " 尚未作出决定）");
    }
    body = OfficialTexts.withCommitment(body, app, applications.commitmentOf(app.id()).orElse(null));
    return issuer.draft(app, DocumentKind.APPROVAL_DECISION, body, app.matter().departments());
  }
}
