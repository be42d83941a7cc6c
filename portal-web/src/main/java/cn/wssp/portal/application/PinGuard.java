package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AccountRepository;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.PasswordHasher;
import cn.wssp.portal.domain.model.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks a chief representative's signing PIN in a transaction of its own, so that a wrong
 * attempt is counted even though the signing transaction that asked is rolled back.
 */
@ApplicationScoped
public class PinGuard {
  @Inject
  AccountRepository accounts;

  @Inject
  Clock clock;

  public record Outcome(UserAccount.PinCheck result, int attemptsLeft, Instant lockedUntil) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome check(Long userId, String pin) {
    UserAccount user = accounts.findForUpdate(userId).orElseThrow(() -> DomainException.forbidden(
        "账户不可用，请重新登录。").inEnglish("The account cannot be used: please log in again."));
    UserAccount.PinCheck result = user.checkPin(pin == null ? null : pin.toCharArray(),
        PasswordHasher::verify, Instant.now(clock));
    return new Outcome(result, user.pinAttemptsLeft(), user.pinLockedUntil());
  }
}
