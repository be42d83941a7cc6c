package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AccountRepository;
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
import java.util.Optional;

/** Users, password checks and API tokens (stored only as SHA-256, valid for eight hours). */
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

  public Optional<UserAccount> byUsername(String username) {
    return username == null ? Optional.empty() : accounts.byUsername(username.trim());
  }

  /** The user if the password is right; the same answer for an unknown user and a wrong password. */
  public Optional<UserAccount> authenticate(String username, String password) {
    Optional<UserAccount> user = byUsername(username);
    char[] given = password == null ? new char[0] : password.toCharArray();
    if (user.isEmpty()) {
      // Spend the same time as a real check, so timing does not reveal which usernames exist.
      PasswordHasher.verify(given, DUMMY_HASH);
      return Optional.empty();
    }
    return PasswordHasher.verify(given, user.get().passwordHash()) ? user : Optional.empty();
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

  public Optional<UserAccount> byToken(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return accounts.userOfToken(PasswordHasher.sha256Hex(token.trim()), Instant.now(clock))
        .flatMap(accounts::find).filter(UserAccount::enabled);
  }
}
