package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Before any seal (decision, revocation): the chief representative is authorised by
 * {@link SigningPolicy} today — named in a delegation letter of the department in force for the
 * matter that grants 审批 and 签发, as role B or as role A while that letter's B is recorded
 * absent — and re-enters the signing PIN. Every refusal is audited in a transaction of its own.
 */
@ApplicationScoped
public class SealingGuard {
  @Inject
  AccountRepository accounts;

  @Inject
  DelegationRepository delegations;

  @Inject
  PinGuard pins;

  @Inject
  SecurityAudit refusals;

  @Inject
  Clock clock;

  /** The chief representative who may seal for this application today, or a 403 saying why. */
  public UserAccount authorisedChief(Actor actor, Application app) {
    UserAccount chief = accounts.require(actor.userId());
    LocalDate today = LocalDate.now(clock);
    try {
      SigningPolicy.requireAuthorised(chief, app.matter(), today,
          chief.department() == null ? List.of() : delegations.ofDepartment(chief.department().id()),
          user -> absentOn(user, today), SigningPolicy.DECIDING);
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
          "签章密码（PIN）错误，未签章。再错 " + check.attemptsLeft() + " 次将锁定签章 15 分钟。")
          .inEnglish("Wrong signing PIN; nothing was sealed. " + check.attemptsLeft()
              + " more wrong PIN(s) lock sealing for 15 minutes.");
      case LOCKED -> throw new DomainException("PIN_LOCKED", 403,
          "签章密码连续错误次数过多，签章已锁定至 "
              + check.lockedUntil().atZone(clock.getZone()).toLocalTime().withNano(0) + "。")
          .inEnglish("Too many wrong PINs: sealing is locked until "
              + check.lockedUntil().atZone(clock.getZone()).toLocalTime().withNano(0) + ".");
      case ACCEPTED -> { }
    }
  }

  /** Recorded absent that day (API.md's admin/absences). */
  private boolean absentOn(Long userId, LocalDate day) {
    return accounts.absencesOf(userId).stream().anyMatch(a -> a.covers(day));
  }
}
