package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Before any seal (decision, revocation): the chief representative is authorised by
 * {@link SigningPolicy} today, with role B's presence taken from delegations and recorded
 * absences, and re-enters the signing PIN. Every refusal is audited in a transaction of its own.
 */
@ApplicationScoped
public class SealingGuard {
  @Inject
  AccountRepository accounts;

  @Inject
  PinGuard pins;

  @Inject
  SecurityAudit refusals;

  @Inject
  Clock clock;

  /** The chief representative who may seal for this application today, or a 403 saying why. */
  public UserAccount authorisedChief(Actor actor, Application app) {
    UserAccount chief = accounts.find(actor.userId()).orElseThrow(() ->
        DomainException.forbidden("账户不可用，请重新登录。"));
    LocalDate today = LocalDate.now(clock);
    try {
      SigningPolicy.requireAuthorised(chief, app.matter(), today,
          accounts.delegationsOf(chief.id()), roleBOnDuty(chief.department(), app.matter(), today));
    } catch (DomainException refused) {
      refusals.refused(actor, app.id(), AuditAction.SIGNING_REFUSED, refused.getMessage());
      throw refused;
    }
    return chief;
  }

  /** The signing PIN, re-entered for every seal; five wrong ones lock the seal for a while. */
  public void requireRightPin(Actor actor, Application app, UserAccount chief, String pin) {
    PinGuard.Outcome check = pins.check(chief.id(), pin);
    if (check.result() != UserAccount.PinCheck.ACCEPTED) {
      refusals.refused(actor, app.id(), AuditAction.SIGNING_REFUSED,
          check.result() == UserAccount.PinCheck.LOCKED ? "签章密码已锁定" : "签章密码错误");
    }
    switch (check.result()) {
      case WRONG -> throw new DomainException("WRONG_PIN", 403,
          "签章密码（PIN）错误，未签章。再错 " + check.attemptsLeft() + " 次将锁定签章 15 分钟。");
      case LOCKED -> throw new DomainException("PIN_LOCKED", 403,
          "签章密码连续错误次数过多，签章已锁定至 "
              + check.lockedUntil().atZone(clock.getZone()).toLocalTime().withNano(0) + "。");
      case ACCEPTED -> { }
    }
  }

  /**
   * Role B is on duty when an enabled B of the department holds a delegation in force for the
   * matter and is not recorded absent today (API.md's admin/absences).
   */
  private boolean roleBOnDuty(Department department, Matter matter, LocalDate today) {
    return department != null && accounts.chiefs(department, ChiefRole.B).stream()
        .anyMatch(b -> SigningPolicy.isDelegated(b, matter, today, accounts.delegationsOf(b.id()))
            && accounts.absencesOf(b.id()).stream().noneMatch(a -> a.covers(today)));
  }
}
