package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Users, password checks and API tokens (stored only as SHA-256, valid for eight hours). */
@ApplicationScoped
public class Accounts {
  static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();

  public record IssuedToken(String token, Instant expiresAt) {}

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Clock clock;

  public Optional<UserAccount> byUsername(String username) {
    if (username == null) {
      return Optional.empty();
    }
    List<UserAccount> found = em.createQuery(
            "select u from UserAccount u where u.username = :n", UserAccount.class)
        .setParameter("n", username.trim()).getResultList();
    return found.stream().filter(UserAccount::enabled).findFirst();
  }

  /** The user if the password is right; the same answer for an unknown user and a wrong password. */
  public Optional<UserAccount> authenticate(String username, String password) {
    Optional<UserAccount> user = byUsername(username);
    if (user.isEmpty()) {
      // Spend the same time as a real check, so timing does not reveal which usernames exist.
      PasswordHasher.verify(String.valueOf(password).toCharArray(), DUMMY_HASH);
      return Optional.empty();
    }
    return PasswordHasher.verify(password == null ? new char[0] : password.toCharArray(),
        user.get().passwordHash()) ? user : Optional.empty();
  }

  private static final String DUMMY_HASH = PasswordHasher.hash("dummy".toCharArray());

  @Transactional
  public IssuedToken issueToken(UserAccount user) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now(clock);
    Instant expires = now.plus(TOKEN_LIFETIME);
    em.createNativeQuery("INSERT INTO api_token(token_hash, user_id, created_at, expires_at)"
            + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, PasswordHasher.sha256Hex(token)).setParameter(2, user.id())
        .setParameter(3, java.sql.Timestamp.from(now)).setParameter(4, java.sql.Timestamp.from(expires))
        .executeUpdate();
    return new IssuedToken(token, expires);
  }

  public Optional<UserAccount> byToken(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    List<?> rows = em.createNativeQuery(
            "SELECT user_id FROM api_token WHERE token_hash = ?1 AND expires_at > ?2")
        .setParameter(1, PasswordHasher.sha256Hex(token.trim()))
        .setParameter(2, java.sql.Timestamp.from(Instant.now(clock))).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    UserAccount u = em.find(UserAccount.class, ((Number) rows.get(0)).longValue());
    return u != null && u.enabled() ? Optional.of(u) : Optional.empty();
  }
}
