package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The window clerk confirms or overrides the pre-review (统一受理, §3): accept, ask for a
 * supplement listing every missing item at once (一次性告知), or refuse. Each issues its notice.
 * The state rules are the application's; the wording is {@link OfficialTexts}'.
 */
@ApplicationScoped
public class AcceptanceService {
  @Inject
  ApplicationService applications;

  @Inject
  ApplicationRepository drafts;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  JointCirculation circulation;

  @Inject
  Calendars calendar;

  @Inject
  Clock clock;

  @Transactional
  public Document decide(Actor actor, Long applicationId, AcceptanceAction action, String reason) {
    AccessPolicy.requireRole(actor, Role.WINDOW_CLERK, "确认预审结果");
    if (action == null) {
      throw DomainException.invalid("请选择处理方式（action 应为 ACCEPT、SUPPLEMENT 或 NOT_ACCEPT）。")
          .inEnglish("Choose what to do: accept, ask for a supplement, or not accept.");
    }
    // The row is locked first: a second clerk (or a double click) waits here and then finds the
    // case already accepted, instead of signing and storing a whole notice only to lose at commit.
    // A draft is the enterprise's own (the window cannot read it), but acting on one is a
    // conflict to say plainly rather than a "not found" that would send the clerk searching.
    if (drafts.findForUpdate(applicationId).map(a -> a.status() == ApplicationStatus.DRAFT).orElse(false)) {
      throw DomainException.conflict("申请尚未提交（状态为「" + ApplicationStatus.DRAFT.label()
          + "」），不能受理或要求补正。")
          .inEnglish("The application has not been submitted yet: it cannot be accepted or sent"
              + " back for a supplement.");
    }
    Application app = applications.visible(actor, applicationId);
    String why = reason == null ? "" : reason.trim();
    ApplicationStatus from = app.status();
    Document notice = switch (action) {
      case ACCEPT -> accept(actor, app, why);
      case SUPPLEMENT -> requestSupplement(actor, app, why);
      case NOT_ACCEPT -> refuse(actor, app, why);
    };
    audit.record(actor, app.id(), AuditAction.ofAcceptance(action), from, app.status(),
        (why.isEmpty() ? "" : why + "；") + "文书 " + notice.number());
    return notice;
  }

  private Document accept(Actor actor, Application app, String why) {
    Commitment commitment = applications.commitmentOf(app.id()).orElse(null);
    boolean override = app.acceptanceWouldOverride(commitment != null);
    LocalDate reviewDue = app.matter().reviewDue(LocalDate.now(clock), calendar.current());
    app.accept(Instant.now(clock), reviewDue, commitment != null, why);
    Document notice = issuer.issueNotice(app, DocumentKind.ACCEPTANCE_NOTICE,
        OfficialTexts.acceptance(app, clock.getZone(), reviewDue, commitment, override ? why : null),
        actor.displayName());
    notifications.tellApplicant(app, "申请已受理", "请下载《受理通知书》，承诺时限至 " + reviewDue + "。");
    circulation.circulate(actor, app);
    return notice;
  }

  /** Every blocking finding, then the clerk's own words: one notice, all items (一次性告知). */
  private Document requestSupplement(Actor actor, Application app, String why) {
    app.requestSupplement(why);
    List<String> items = new ArrayList<>();
    for (FindingRecord f : applications.findingsOf(app.id())) {
      if (f.blocking()) {
        String material = f.materialCode() == null ? "" : app.matter().material(f.materialCode())
            .map(m -> "「" + m.name() + "」").orElse("");
        items.add(material + f.message());
      }
    }
    if (!why.isEmpty()) {
      items.add(why);
    }
    if (items.isEmpty()) {
      throw DomainException.invalid("预审未发现问题，要求补正时请填写需补正的内容（reason）。")
          .inEnglish("The pre-review found nothing missing: say what is to be supplemented.");
    }
    Document notice = issuer.issueNotice(app, DocumentKind.SUPPLEMENT_NOTICE,
        OfficialTexts.supplement(app, clock.getZone(), items), actor.displayName());
    notifications.tellApplicant(app, "请补正材料", "需补正 " + items.size() + " 项，详见《补正材料一次性告知书》。");
    return notice;
  }

  /**
   * 不采纳: the clerk sets one finding of the pre-review aside, with a mandatory reason; the
   * finding stays visible to staff, stops blocking and leaves the supplement notice.
   */
  @Transactional
  public FindingRecord overruleFinding(Actor actor, Long applicationId, Long findingId,
      String reason) {
    AccessPolicy.requireRole(actor, Role.WINDOW_CLERK, "不采纳预审意见");
    Application app = applications.visible(actor, applicationId);
    app.requireAtWindow("不采纳预审意见");
    FindingRecord finding = applications.findingsOf(app.id()).stream()
        .filter(f -> f.id() != null && f.id().equals(findingId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("预审意见")
            .inEnglish("The pre-review finding does not exist or you may not see it."));
    finding.overrule(reason, actor.username(), Instant.now(clock));
    String material = finding.materialCode() == null ? "" : app.matter()
        .material(finding.materialCode()).map(m -> "「" + m.name() + "」").orElse("");
    audit.record(actor, app.id(), AuditAction.FINDING_OVERRULED, app.status(), app.status(),
        material + finding.message() + "；理由：" + finding.overruledReason());
    return finding;
  }

  private Document refuse(Actor actor, Application app, String why) {
    app.refuseAcceptance(Instant.now(clock), why);
    Document notice = issuer.issueNotice(app, DocumentKind.NOT_ACCEPTED_NOTICE,
        OfficialTexts.notAccepted(app, clock.getZone(), why), actor.displayName());
    notifications.tellApplicant(app, "申请不予受理", why);
    return notice;
  }
}
