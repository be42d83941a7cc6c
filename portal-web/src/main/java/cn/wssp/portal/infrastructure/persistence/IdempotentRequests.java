package cn.wssp.portal.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kept responses of API calls sent with an Idempotency-Key (table idempotent_request). The
 * claim is a row inserted in the caller's transaction, the one that does the action: the
 * primary key makes a second claim of the same key wait for the first transaction and then fail,
 * and a crash before the commit leaves neither the action nor the claim.
 */
@ApplicationScoped
public class IdempotentRequests {
  /** Long enough for any client's retries; real time, not the portal's (test) clock. */
  static final Duration KEPT = Duration.ofHours(24);

  /** A claimed key: its request's fingerprint and, once done, the response. */
  public record Entry(String fingerprint, Integer status, String contentType, String body) {
    public boolean done() {
      return status != null;
    }
  }

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Entry> find(String actor, String key) {
    List<?> rows = em.createNativeQuery("SELECT fingerprint, status, content_type, body"
            + " FROM idempotent_request WHERE actor = ?1 AND idem_key = ?2 AND created_at > ?3")
        .setParameter(1, actor).setParameter(2, key)
        .setParameter(3, Timestamp.from(Instant.now().minus(KEPT))).getResultList();
    return rows.stream().findFirst().map(r -> {
      Object[] row = (Object[]) r;
      return new Entry((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(),
          (String) row[2], (String) row[3]);
    });
  }

  /**
   * Claims the key in the current transaction; fails (a persistence exception) when another
   * transaction holds or has committed it. The caller's own expired keys are removed first, so
   * the table holds one day of keys per caller.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void claim(String actor, String key, String fingerprint) {
    Timestamp now = Timestamp.from(Instant.now());
    em.createNativeQuery("DELETE FROM idempotent_request WHERE actor = ?1 AND created_at <= ?2")
        .setParameter(1, actor).setParameter(2, Timestamp.from(now.toInstant().minus(KEPT)))
        .executeUpdate();
    em.createNativeQuery("INSERT INTO idempotent_request (actor, idem_key, fingerprint, created_at)"
            + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, actor).setParameter(2, key).setParameter(3, fingerprint)
        .setParameter(4, now).executeUpdate();
  }

  /** Keeps the response of the claimed key, in the transaction that did the action. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(String actor, String key, int status, String contentType, String body) {
    em.createNativeQuery("UPDATE idempotent_request SET status = ?1, content_type = ?2, body = ?3"
            + " WHERE actor = ?4 AND idem_key = ?5")
        .setParameter(1, status).setParameter(2, contentType).setParameter(3, body)
        .setParameter(4, actor).setParameter(5, key).executeUpdate();
  }
}
