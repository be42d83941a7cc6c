package cn.wssp.portal.application;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The window clerk confirms or overrides the pre-review (统一受理, §3): accept, ask for a
 * supplement listing every missing item at once (一次性告知), or refuse. Each issues its notice.
 */
@ApplicationScoped
public class AcceptanceService {
  public enum Action { ACCEPT, SUPPLEMENT, NOT_ACCEPT }

  static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  ApplicationService applications;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  WorkingDayCalendar calendar;

  @Inject
  Clock clock;

  @Transactional
  public Document decide(Actor actor, Long applicationId, Action action, String reason) {
    AccessPolicy.requireRole(actor, Role.WINDOW_CLERK, "确认预审结果");
    if (action == null) {
      throw DomainException.invalid("请选择处理方式（action 应为 ACCEPT、SUPPLEMENT 或 NOT_ACCEPT）。");
    }
    Application app = applications.visible(actor, applicationId);
    if (app.status() == ApplicationStatus.SUBMITTED) {
      throw DomainException.conflict("自动预审尚未完成，请稍候再确认。");
    }
    String why = reason == null ? "" : reason.trim();
    ApplicationStatus from = app.status();
    List<FindingRecord> findings = applications.findingsOf(app.id());
    String submitted = "你单位于" + CN_DATE.format(app.submittedAt().atZone(clock.getZone()))
        + "提交的《" + app.matter().name() + "》申请（申请号 " + app.number() + "）";
    Document notice;
    switch (action) {
      case ACCEPT -> {
        Commitment commitment = applications.commitmentOf(app.id()).orElse(null);
        boolean override = !"COMPLETE".equals(app.preReviewVerdict()) && commitment == null;
        if (override && why.isEmpty()) {
          throw DomainException.invalid("预审结论为「" + app.preReviewVerdict()
              + "」，如仍予受理，请填写理由（reason）。");
        }
        LocalDate reviewDue = calendar.addWorkingDays(LocalDate.now(clock), app.matter().timeLimitDays());
        app.accept(Instant.now(clock), reviewDue, commitment != null);
        List<String> body = new ArrayList<>(List.of(
            submitted + "，材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。",
            "承诺办结时限为 " + app.matter().timeLimitDays() + " 个工作日，将于" + CN_DATE.format(reviewDue)
                + "前作出决定。"));
        if (commitment != null) {
          body.add("根据告知承诺制，你单位承诺于" + CN_DATE.format(commitment.dueDate())
              + "前补交以下材料：" + names(app, commitment.materials())
              + "。逾期未补交的，将依法撤销行政许可决定。");
        }
        if (override) {
          body.add("受理说明：" + why);
        }
        notice = issuer.issueNotice(app, DocumentKind.ACCEPTANCE_NOTICE, body, actor.displayName());
        notifications.tellApplicant(app, "申请已受理", "请下载《受理通知书》，承诺时限至 " + reviewDue + "。");
      }
      case SUPPLEMENT -> {
        List<String> items = new ArrayList<>();
        Map<String, MaterialSpec> specs = app.matter().materials().stream()
            .collect(Collectors.toMap(MaterialSpec::code, Function.identity()));
        for (FindingRecord f : findings.stream().filter(FindingRecord::blocking).toList()) {
          items.add((items.size() + 1) + ". " + (f.materialCode() != null && specs.containsKey(f.materialCode())
              ? "「" + specs.get(f.materialCode()).name() + "」" : "") + f.message());
        }
        if (!why.isEmpty()) {
          items.add((items.size() + 1) + ". " + why);
        }
        if (items.isEmpty()) {
          throw DomainException.invalid("预审未发现问题，要求补正时请填写需补正的内容（reason）。");
        }
        app.requestSupplement();
        List<String> body = new ArrayList<>(List.of(
            submitted + "，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》"
                + "第三十二条的规定，现一次性告知你单位需要补正的全部内容如下："));
        body.addAll(items);
        body.add("请按上述要求一次性补正后重新提交。");
        notice = issuer.issueNotice(app, DocumentKind.SUPPLEMENT_NOTICE, body, actor.displayName());
        notifications.tellApplicant(app, "请补正材料", "需补正 " + items.size() + " 项，详见《补正材料一次性告知书》。");
      }
      case NOT_ACCEPT -> {
        if (why.isEmpty()) {
          throw DomainException.invalid("不予受理必须填写理由（reason）。");
        }
        app.refuseAcceptance(Instant.now(clock));
        notice = issuer.issueNotice(app, DocumentKind.NOT_ACCEPTED_NOTICE, List.of(
            submitted + "，经审查，决定不予受理。理由：" + why,
            "如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。"),
            actor.displayName());
        notifications.tellApplicant(app, "申请不予受理", why);
      }
      default -> throw new IllegalStateException();
    }
    audit.record(actor, app.id(), "ACCEPTANCE_" + action, from, app.status(),
        (why.isEmpty() ? "" : why + "；") + "文书 " + notice.number());
    return notice;
  }

  private static String names(Application app, List<String> codes) {
    return codes.stream().map(c -> app.matter().material(c).map(m -> "「" + m.name() + "」").orElse(c))
        .collect(Collectors.joining("、"));
  }
}
