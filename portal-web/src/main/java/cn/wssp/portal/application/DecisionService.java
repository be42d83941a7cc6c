package cn.wssp.portal.application;

import static cn.wssp.portal.application.AcceptanceService.CN_DATE;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chief representative (首席代表) approves or denies and seals the decision (§6). Only
 * within a written delegation in force, only role B (role A when B is recorded absent), only
 * with the right signing PIN, re-entered for every signature. A joint matter (联办件) is sealed
 * by each department in the matter's order; the decision is issued after the last seal.
 */
@ApplicationScoped
public class DecisionService {
  public enum Outcome { APPROVE, DENY }

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Inject
  PinGuard pins;

  @Transactional
  public Document decide(Actor actor, Long applicationId, Outcome outcome, String text, String pin) {
    Application app = applicationId == null ? null : em.find(Application.class, applicationId);
    if (app == null) {
      throw DomainException.notFound("申请");
    }
    UserAccount chief = requireAuthorisedChief(actor, app);
    if (outcome == null) {
      throw DomainException.invalid("请选择决定结果（outcome 应为 APPROVE 或 DENY）。");
    }
    if (text == null || text.isBlank()) {
      throw DomainException.invalid("请填写决定内容（text），不予许可时须说明理由。");
    }
    PinGuard.Outcome pinCheck = pins.check(chief.id(), pin);
    switch (pinCheck.result()) {
      case WRONG -> throw new DomainException("WRONG_PIN", 403,
          "签章密码（PIN）错误，未签章。再错 " + pinCheck.attemptsLeft() + " 次将锁定签章 15 分钟。");
      case LOCKED -> throw new DomainException("PIN_LOCKED", 403,
          "签章密码连续错误次数过多，签章已锁定至 "
              + pinCheck.lockedUntil().atZone(clock.getZone()).toLocalTime().withNano(0) + "。");
      case ACCEPTED -> { }
    }
    if (!ApplicationStatus.DECIDABLE.contains(app.status())) {
      throw DomainException.conflict("申请当前状态为「" + app.status().label() + "」，不能作出决定。");
    }
    ApplicationStatus from = app.status();
    Department department = chief.department();
    Document open = openJointDecision(app);
    Document doc;
    if (outcome == Outcome.DENY) {
      if (open != null) {
        throw DomainException.conflict("其他部门已签署准予决定，如有异议请线下协调后由中心处理。");
      }
      doc = issuer.startDecision(app, DocumentKind.DENIAL_DECISION, denialText(app, text),
          List.of(department), department, chief);
      app.deny(Instant.now(clock));
    } else if (open == null) {
      requireTurn(app, department, Set.of());
      doc = issuer.startDecision(app, DocumentKind.APPROVAL_DECISION, approvalText(app, text),
          app.matter().departments(), department, chief);
      app.approve(Instant.now(clock));
    } else {
      Set<Long> signed = signedDepartments(open);
      if (signed.contains(department.id())) {
        throw DomainException.conflict("本部门已在该决定书上签章。");
      }
      requireTurn(app, department, signed);
      doc = issuer.addSeal(open, department, app.matter().departments().indexOf(department), chief);
      app.approve(Instant.now(clock));
    }
    boolean complete = doc.signatureCount() >= (outcome == Outcome.DENY ? 1 : app.matter().departments().size());
    audit.record(actor, app.id(), "DECISION_" + outcome, from, app.status(),
        department.name() + " 签章，文书 " + doc.number() + "：" + text);
    if (complete) {
      ApplicationStatus decided = app.status();
      app.issue();
      audit.record(actor, app.id(), "ISSUE", decided, app.status(), "文书 " + doc.number());
      notifications.tellApplicant(app, "审批决定已作出",
          "请下载《" + doc.kind().title() + "》（文书编号 " + doc.number() + "）。");
    }
    return doc;
  }

  /** The signing chief representative, or a 403 that says which rule refused. */
  private UserAccount requireAuthorisedChief(Actor actor, Application app) {
    if (!actor.has(Role.CHIEF_REP)) {
      throw DomainException.forbidden("只有首席代表可以作出决定并电子签章。");
    }
    UserAccount chief = em.find(UserAccount.class, actor.userId());
    if (!app.matter().involves(chief.department())) {
      throw DomainException.forbidden("您所在部门不是事项「" + app.matter().name() + "」的审批部门，不能签章。");
    }
    LocalDate today = LocalDate.now(clock);
    boolean delegated = em.createQuery("select d from Delegation d where d.userId = :u", Delegation.class)
        .setParameter("u", chief.id()).getResultList().stream()
        .anyMatch(d -> d.covers(chief.department().id(), app.matter().code(), today));
    if (!delegated) {
      throw DomainException.forbidden("您没有该事项在今日有效的授权委托书，不能签章。");
    }
    if ("A".equals(chief.chiefRole()) && roleBPresent(chief, app, today)) {
      throw DomainException.forbidden("B角首席代表在岗时由B角签章；A角仅在B角登记缺席时签章。");
    }
    return chief;
  }

  /** Absence recording arrives with the delegation management; until then B is present if one exists. */
  private boolean roleBPresent(UserAccount chief, Application app, LocalDate today) {
    return em.createQuery("select u from UserAccount u where u.department = :d and u.chiefRole = 'B'"
                + " and u.enabled = true", UserAccount.class)
        .setParameter("d", chief.department()).getResultList().stream()
        .anyMatch(b -> em.createQuery("select d from Delegation d where d.userId = :u", Delegation.class)
            .setParameter("u", b.id()).getResultList().stream()
            .anyMatch(d -> d.covers(chief.department().id(), app.matter().code(), today)));
  }

  private void requireTurn(Application app, Department department, Set<Long> signed) {
    for (Department d : app.matter().departments()) {
      if (d.id().equals(department.id())) {
        return;
      }
      if (!signed.contains(d.id())) {
        throw DomainException.conflict("联办事项按顺序签章：请等待「" + d.name() + "」先签章。");
      }
    }
  }

  private Document openJointDecision(Application app) {
    return em.createQuery("select d from Document d where d.applicationId = :a and d.kind = :k"
                + " order by d.id desc", Document.class)
        .setParameter("a", app.id()).setParameter("k", DocumentKind.APPROVAL_DECISION)
        .getResultList().stream().findFirst()
        .filter(d -> app.status() == ApplicationStatus.APPROVED).orElse(null);
  }

  private Set<Long> signedDepartments(Document doc) {
    return em.createQuery("select s from DecisionSignature s where s.documentId = :d",
            DecisionSignature.class)
        .setParameter("d", doc.id()).getResultList().stream()
        .map(DecisionSignature::departmentId).collect(Collectors.toSet());
  }

  private List<String> approvalText(Application app, String text) {
    // The renderer prints the addressee (the enterprise and its credit code) above the body.
    return List.of(submitted(app) + "，经审查，符合法定条件、标准。依据" + app.matter().legalBasis()
            + "的规定，决定准予行政许可。",
        text.trim(),
        "本决定书自签发之日起生效。可凭文书编号和验证码在网上审批门户核验本决定书的真实性。");
  }

  private List<String> denialText(Application app, String text) {
    return List.of(submitted(app) + "，经审查，不符合法定条件、标准，决定不予行政许可。",
        "理由：" + text.trim(),
        "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。");
  }

  private String submitted(Application app) {
    return "你单位于" + CN_DATE.format(app.submittedAt().atZone(clock.getZone())) + "提交的《"
        + app.matter().name() + "》申请（申请号 " + app.number() + "）";
  }
}
