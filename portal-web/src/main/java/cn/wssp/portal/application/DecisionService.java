package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The chief representative (首席代表) decides for the department, re-entering the signing PIN
 * (§6). On a joint matter (并联审批) each department decides on its own, in any order; what the
 * decisions together mean is {@link JointDecision}'s rule: the joint approval is issued, with one
 * seal per department, when the last department approves, and a denial by any department is
 * issued at once, sealed by that department alone. Who may seal is {@link SigningPolicy}'s rule.
 */
@ApplicationScoped
public class DecisionService {
  @Inject
  ApplicationService applications;

  @Inject
  DepartmentReviewRepository reviews;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Inject
  SealingGuard guard;

  @Inject
  JointCirculation circulation;

  @Inject
  LicenceGrants licences;

  /**
   * What a department's decision led to: the decision recorded, and the document issued by it
   * (null while other departments of a joint matter have still to decide).
   */
  public record Result(DepartmentDecision recorded, Document issued) {}

  @Transactional
  public Result decide(Actor actor, Long applicationId, DecisionOutcome outcome, String text,
      String pin) {
    // Another department's chief learns nothing: not found, as for every other reader.
    return decide(actor, applications.visible(actor, applicationId), outcome, text, pin, false);
  }

  private Result decide(Actor actor, Application app, DecisionOutcome outcome, String text,
      String pin, boolean answeredFromAbove) {
    UserAccount chief = guard.authorisedChief(actor, app);
    requireComplete(outcome, text);
    guard.requireRightPin(actor, app, chief, pin);
    return record(actor, app, chief, outcome, text, answeredFromAbove);
  }

  /**
   * The decision of a chief already authorised and past the PIN; {@code answeredFromAbove}: a
   * 上报件 whose higher authority's answer was recorded in this transaction
   * ({@link Forwardings#answer}).
   */
  Result record(Actor actor, Application app, UserAccount chief, DecisionOutcome outcome,
      String text, boolean answeredFromAbove) {
    app.requireDecidable(answeredFromAbove);
    JointDecision joint = new JointDecision(app, reviews.decisionsForUpdate(app.id()));
    Instant now = Instant.now(clock);
    DepartmentDecision mine = joint.decide(chief, outcome, text, now, clock.getZone());
    reviews.addDecision(mine);
    ApplicationStatus from = app.status();
    Department department = mine.department();
    Optional<Document> licence = Optional.empty();
    Document doc = switch (joint.state()) {
      case PENDING -> {
        app.awaitOtherDepartments();
        circulation.tellPending(app, mine, joint.pending());
        yield null;
      }
      case APPROVED -> {
        app.approve(now);
        Document approval = issuer.issueDecision(app, DocumentKind.APPROVAL_DECISION,
            OfficialTexts.withCommitment(joint.isJoint()
                ? OfficialTexts.jointApproval(app, clock.getZone(), joint.approvalsInMatterOrder())
                : OfficialTexts.approval(app, clock.getZone(), mine.text()),
                app, applications.commitmentOf(app.id()).orElse(null)),
            joint.approvalsInMatterOrder());
        licence = licences.withApproval(app, approval, joint.approvalsInMatterOrder());
        yield approval;
      }
      case DENIED -> {
        app.deny(now);
        yield issuer.issueDecision(app, DocumentKind.DENIAL_DECISION,
            joint.isJoint()
                ? OfficialTexts.jointDenial(app, clock.getZone(), department, mine.text())
                : OfficialTexts.denial(app, clock.getZone(), mine.text()),
            List.of(mine));
      }
    };
    audit.record(actor, app.id(), AuditAction.ofDecision(outcome), from, app.status(),
        department.name() + " " + JointDecision.label(outcome) + "：" + mine.text()
            + (doc == null ? "；待 " + names(joint.pending()) + " 决定" : "；文书 " + doc.number())
            + licence.map(l -> "；电子证照 " + l.number()).orElse(""));
    if (doc != null) {
      ApplicationStatus decided = app.status();
      app.issue();
      audit.record(actor, app.id(), AuditAction.ISSUE, decided, app.status(),
          "文书 " + doc.number() + "，" + doc.signatureCount() + " 个部门签章");
      notifications.tellApplicant(app, "审批决定已作出",
          "请下载《" + doc.kind().title() + "》（文书编号 " + doc.number() + "）。"
              + LicenceGrants.mention(licence));
    }
    return new Result(mine, doc);
  }

  /** The departments' decisions so far, for views. */
  public JointDecision decisionsOf(Application app) {
    return new JointDecision(app, reviews.decisions(app.id()));
  }

  static void requireComplete(DecisionOutcome outcome, String text) {
    if (outcome == null) {
      throw DomainException.invalid("请选择决定结果（outcome 应为 APPROVE 或 DENY）。")
          .inEnglish("Choose the decision: approve or deny.");
    }
    if (text == null || text.isBlank()) {
      throw DomainException.invalid("请填写决定内容（text），不予许可时须说明理由。")
          .inEnglish("Write the decision's text; a denial gives its reasons.");
    }
    if (text.length() > 4000) {
      throw DomainException.invalid("决定内容（text）不能超过 4000 个字。")
          .inEnglish("The decision's text may be at most 4000 characters long.");
    }
  }

  static String names(List<Department> departments) {
    return String.join("、", departments.stream().map(Department::name).toList());
  }
}
