package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The throttle's counters in login_throttle, locked with SELECT ... FOR UPDATE so that the
 * instances sharing the database count every attempt once. A new key's row is inserted first, on
 * a connection of its own: two first attempts at the same instant both try, one insert loses on
 * the primary key and is ignored, and both then lock the one row.
 */
@ApplicationScoped
public class JpaAttemptCounterRepository implements AttemptCounterRepository {
  /** SQLSTATE of a unique violation, in PostgreSQL and in H2 2.x alike. */
  private static final String DUPLICATE_KEY = "23505";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  // NOT_SUPPORTED: the connection must not join a caller's transaction, where a duplicate key
  // would abort the whole transaction on PostgreSQL.
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void createIfAbsent(String key) {
    // The NOT EXISTS spares the database an error (and its log a line) on every known key; the
    // duplicate-key error is left for the rare race.
    String sql = "INSERT INTO login_throttle (throttle_key, failures, pending)"
        + " SELECT ?, 0, 0 WHERE NOT EXISTS"
        + " (SELECT 1 FROM login_throttle WHERE throttle_key = ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
      insert.setString(1, key);
      insert.setString(2, key);
      try {
        insert.executeUpdate();
        if (!c.getAutoCommit()) {
          c.commit();
        }
      } catch (SQLException e) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        if (!DUPLICATE_KEY.equals(e.getSQLState())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("login_throttle: cannot create the counter of " + key, e);
    }
  }

  @Override
  public Optional<AttemptCounter> lock(String key) {
    return Optional.ofNullable(RowLocks.find(em, AttemptCounter.class, key));
  }

  @Override
  public void save(AttemptCounter counter) {
    if (!em.contains(counter)) {
      em.merge(counter);
    }
  }

  @Override
  public void remove(String key) {
    AttemptCounter c = em.find(AttemptCounter.class, key);
    if (c != null) {
      em.remove(c);
    }
  }
}
