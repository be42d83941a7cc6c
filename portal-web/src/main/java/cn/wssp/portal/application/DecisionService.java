package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chief representative (首席代表) approves or denies and seals the decision (§6), re-entering
 * the signing PIN for every signature. Who may seal, and in which order on a joint matter
 * (联办件), is {@link SigningPolicy}'s rule; the decision is issued after the last seal.
 */
@ApplicationScoped
public class DecisionService {
  @Inject
  ApplicationService applications;

  @Inject
  DocumentRepository documents;

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

  @Transactional
  public Document decide(Actor actor, Long applicationId, DecisionOutcome outcome, String text,
      String pin) {
    // Another department's chief learns nothing: not found, as for every other reader.
    Application app = applications.visible(actor, applicationId);
    UserAccount chief = guard.authorisedChief(actor, app);
    if (outcome == null) {
      throw DomainException.invalid("请选择决定结果（outcome 应为 APPROVE 或 DENY）。");
    }
    if (text == null || text.isBlank()) {
      throw DomainException.invalid("请填写决定内容（text），不予许可时须说明理由。");
    }
    guard.requireRightPin(actor, app, chief, pin);
    app.requireDecidable();
    ApplicationStatus from = app.status();
    Department department = chief.department();
    Document doc = outcome == DecisionOutcome.DENY
        ? deny(app, department, chief, text)
        : approve(app, department, chief, text);
    audit.record(actor, app.id(), AuditAction.ofDecision(outcome), from, app.status(),
        department.name() + " 签章，文书 " + doc.number() + "：" + text);
    if (doc.signatureCount() >= SigningPolicy.sealsNeeded(app.matter(), outcome)) {
      ApplicationStatus decided = app.status();
      app.issue();
      audit.record(actor, app.id(), AuditAction.ISSUE, decided, app.status(), "文书 " + doc.number());
      notifications.tellApplicant(app, "审批决定已作出",
          "请下载《" + doc.kind().title() + "》（文书编号 " + doc.number() + "）。");
    }
    return doc;
  }

  private Document deny(Application app, Department department, UserAccount chief, String text) {
    if (openJointApproval(app) != null) {
      throw DomainException.conflict("其他部门已签署准予决定，如有异议请线下协调后由中心处理。");
    }
    Document doc = issuer.startDecision(app, DocumentKind.DENIAL_DECISION,
        OfficialTexts.denial(app, clock.getZone(), text), List.of(department), department, chief);
    app.deny(Instant.now(clock));
    return doc;
  }

  /** The first department starts the decision; each next one in the matter's order adds its seal. */
  private Document approve(Application app, Department department, UserAccount chief, String text) {
    Document open = openJointApproval(app);
    Set<Long> sealed = open == null ? Set.of() : documents.signatures(open.id()).stream()
        .map(DecisionSignature::departmentId).collect(Collectors.toSet());
    SigningPolicy.requireTurn(app.matter(), department, sealed);
    Document doc = open == null
        ? issuer.startDecision(app, DocumentKind.APPROVAL_DECISION,
            OfficialTexts.approval(app, clock.getZone(), text), app.matter().departments(),
            department, chief)
        : issuer.addSeal(open, department, SigningPolicy.slotOf(app.matter(), department), chief);
    app.approve(Instant.now(clock));
    return doc;
  }

  /** A joint approval some departments have sealed and others have not yet. */
  private Document openJointApproval(Application app) {
    return app.status() != ApplicationStatus.APPROVED ? null
        : documents.latest(app.id(), DocumentKind.APPROVAL_DECISION).orElse(null);
  }
}
