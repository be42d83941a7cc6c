package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AccountRepository;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.PasswordHasher;
import cn.wssp.portal.domain.model.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users, logins (throttled and audited) and API tokens (stored only as SHA-256, valid for eight
 * hours, revoked by logout).
 */
@ApplicationScoped
public class Accounts {
  static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DUMMY_HASH = PasswordHasher.hash("dummy".toCharArray());

  public record IssuedToken(String token, Instant expiresAt) {}

  @Inject
  AccountRepository accounts;

  @Inject
  Clock clock;

  @Inject
  Throttle throttle;

  @Inject
  AuditTrail audit;

  @Inject
  InTransaction tx;

  public Optional<UserAccount> byUsername(String username) {
    return username == null ? Optional.empty() : accounts.byUsername(username.trim());
  }

  /** The user if the password is right; the same answer for an unknown user and a wrong password. */
  public Optional<UserAccount> authenticate(String username, String password) {
    return Optional.ofNullable(check(username, password).user());
  }

  /** What a password check came to: the user, or none, {@code disabled} if 停用 and not a demo account. */
  private record Check(UserAccount user, boolean disabled) {}

  private Check check(String username, String password) {
    String name = username == null ? "" : username.trim();
    Optional<UserAccount> any = name.isEmpty() ? Optional.empty()
        : accounts.anyByUsername(name).filter(u -> u.username().equals(name));
    char[] given = password == null ? new char[0] : password.toCharArray();
    if (any.isEmpty()) {
      // Spend the same time as a real check, so timing does not reveal which usernames exist.
      PasswordHasher.verify(given, DUMMY_HASH);
      return new Check(null, false);
    }
    UserAccount user = any.get();
    if (!PasswordHasher.verify(given, user.passwordHash())) {
      return new Check(null, false);
    }
    if (user.enabled()) {
      return new Check(user, false);
    }
    // A disabled demo account (its password is published) answers exactly like a wrong password.
    return new Check(null, !user.demo());
  }

  /**
   * A login through the page or the API, from a client address: refused with 429 while the
   * account's or the address's counter says wait (the password is not even checked); otherwise
   * counted as failed under both before the password is checked, in a short transaction of its
   * own, and settled after it: a wrong password stays counted and is audited (LOGIN_FAILED), a
   * right one is taken back, resets the account's counter and is audited (LOGIN). No transaction
   * is open while the password is checked (PBKDF2, the slow part), so parallel logins of one
   * account do not queue behind each other.
   *
   * @throws cn.wssp.portal.domain.model.TooManyAttempts 429, while waiting or when this failure locks
   * @throws DomainException INVALID_CREDENTIALS (401) for a wrong password or an unknown user;
   *     ACCOUNT_DISABLED (403) for the right password of an account the center admin disabled
   *     (a demo account's gets INVALID_CREDENTIALS, as if wrong)
   */
  public UserAccount login(String username, String password, String address) {
    String name = username == null ? "" : username.trim();
    Throttle.Ticket ticket = throttle.enter(
        List.of(throttle.account(name), throttle.loginAddress(address)), "登录");
    Optional<UserAccount> user;
    boolean disabled;
    try {
      Check check = check(name, password);
      user = Optional.ofNullable(check.user());
      disabled = check.disabled();
    } catch (RuntimeException e) {
      ticket.failed(); // a check that broke proves nothing: the failure stays counted
      throw e;
    }
    if (user.isPresent()) {
      ticket.succeeded();
      tx.run(() -> audit.record(Actor.of(user.get()), null, AuditAction.LOGIN, null, null,
          "来自 " + address));
      return user.get();
    }
    Throttle.Failure failure = ticket.failed();
    tx.run(() -> audit.record(
        new Actor(null, clip(name.isEmpty() ? "-" : name, 80), name, Set.of(), null, null, null),
        null, AuditAction.LOGIN_FAILED, null, null, "来自 " + address + "，该账户连续失败 "
            + failure.failures() + " 次" + (disabled ? "（账户已停用）" : "") + (failure.lockStarted()
                ? "，已临时锁定至 " + failure.lockedUntil().atZone(clock.getZone()).toLocalDateTime() : "")));
    if (failure.lockStarted()) {
      throw ticket.lockedOut(failure);
    }
    if (disabled) {
      throw new DomainException(ACCOUNT_DISABLED, 403, "该账户已被停用，无法登录。如需恢复，请联系政务服务中心管理员。")
          .inEnglish("This account has been disabled and cannot log in. To have it restored,"
              + " contact the service center's administrator.");
    }
    throw new DomainException("INVALID_CREDENTIALS", 401, "用户名或密码错误。")
        .inEnglish("Wrong user name or password.");
  }

  /** The error code of a login to an account the center admin disabled (not a demo account). */
  public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  @Transactional
  public IssuedToken issueToken(UserAccount user) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now(clock);
    Instant expires = now.plus(TOKEN_LIFETIME);
    accounts.addToken(PasswordHasher.sha256Hex(token), user.id(), now, expires);
    return new IssuedToken(token, expires);
  }

  /** Logout of an API client: the token no longer works; false if it was unknown. */
  @Transactional
  public boolean revokeToken(String token) {
    return token != null && !token.isBlank()
        && accounts.removeToken(PasswordHasher.sha256Hex(token.trim()));
  }

  /**
   * The logged-in user of a bearer token, for the authentication of each API request: the
   * token's row and the account read on one connection (two queries, not one pooled connection
   * for each).
   */
  public Optional<Actor> actorOfToken(String token) {
    return tx.reading(() -> byToken(token).map(Actor::of));
  }

  /** The user of a login session or a principal, as {@link #actorOfToken} reads it. */
  public Optional<Actor> actorOf(String username) {
    return tx.reading(() -> byUsername(username).map(Actor::of));
  }

  public Optional<UserAccount> byToken(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return accounts.userOfToken(PasswordHasher.sha256Hex(token.trim()), Instant.now(clock))
        .flatMap(accounts::find).filter(UserAccount::enabled);
  }
}
