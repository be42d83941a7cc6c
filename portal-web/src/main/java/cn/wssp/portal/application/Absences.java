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
 * The center records when a chief representative is away (CENTER_ADMIN); while role B is absent,
 * role A of the same delegation signs ({@link DecisionService}).
 */
@ApplicationScoped
public class Absences {
  @Inject
  AccountRepository accounts;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  @Transactional
  public Absence record(Actor actor, String username, LocalDate from, LocalDate to, String reason) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "登记首席代表缺席");
    UserAccount chief = (username == null ? java.util.Optional.<UserAccount>empty()
        : accounts.byUsername(username.trim()))
        .orElseThrow(() -> DomainException.invalid("用户（username）不存在或已停用。")
            .inEnglish("No such user, or the account is disabled."));
    Absence absence = new Absence(chief, from, to, reason, actor.username(), Instant.now(clock));
    accounts.addAbsence(absence);
    audit.record(actor, null, AuditAction.ABSENCE_RECORDED, null, null,
        chief.username() + " " + from + " 至 " + to + "：" + absence.reason());
    return absence;
  }

  /** One absence as the admin page lists it: whose, when, why, recorded by whom. */
  public record Row(Long id, String username, String displayName, LocalDate from, LocalDate to,
      String reason, String recordedBy) {}

  /** The absences now and to come, of every chief representative (the admin page's list). */
  public List<Row> current(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看首席代表缺席");
    return accounts.absencesNotOverBy(LocalDate.now(clock)).stream().map(a -> {
      UserAccount chief = accounts.find(a.userId()).orElse(null);
      return new Row(a.id(), chief == null ? "#" + a.userId() : chief.username(),
          chief == null ? "" : chief.displayName(), a.from(), a.to(), a.reason(), a.recordedBy());
    }).toList();
  }

  public List<Absence> of(Actor actor, String username) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看首席代表缺席");
    return accounts.byUsername(username == null ? "" : username.trim())
        .map(u -> accounts.absencesOf(u.id())).orElse(List.of());
  }
}
