package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<UserAccount> find(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(UserAccount.class, id));
  }

  @Override
  public Optional<UserAccount> findForUpdate(Long id) {
    return Optional.ofNullable(RowLocks.find(em, UserAccount.class, id));
  }

  @Override
  public Optional<UserAccount> byUsername(String username) {
    return em.createQuery("select u from UserAccount u where u.username = :n", UserAccount.class)
        .setParameter("n", username).getResultList().stream()
        .filter(UserAccount::enabled).findFirst();
  }

  @Override
  public Optional<UserAccount> anyByUsername(String username) {
    return em.createQuery("select u from UserAccount u where lower(u.username) = lower(:n)",
            UserAccount.class)
        .setParameter("n", username).getResultList().stream().findFirst();
  }

  @Override
  public UserAccount add(UserAccount account) {
    em.persist(account);
    em.flush();
    return account;
  }

  @Override
  public List<UserAccount> search(AccountSearch search) {
    var query = em.createQuery("select u " + where(search) + " order by u.username", UserAccount.class);
    bind(query, search);
    return query.setFirstResult(search.page() * search.size()).setMaxResults(search.size())
        .getResultList();
  }

  @Override
  public long count(AccountSearch search) {
    var query = em.createQuery("select count(u) " + where(search), Long.class);
    bind(query, search);
    return query.getSingleResult();
  }

  private static String where(AccountSearch s) {
    StringBuilder q = new StringBuilder("from UserAccount u");
    if (s.role() != null) {
      q.append(" join u.roles r");
    }
    if (s.department() != null) {
      q.append(" join u.department d");
    }
    q.append(" where 1 = 1");
    if (s.text() != null) {
      q.append(" and (lower(u.username) like :t escape '!' or lower(u.displayName) like :t escape '!')");
    }
    if (s.role() != null) {
      q.append(" and r = :r");
    }
    if (s.department() != null) {
      q.append(" and (d.code = :d or d.name = :d)");
    }
    if (s.enabled() != null) {
      q.append(" and u.enabled = :e");
    }
    return q.toString();
  }

  private static void bind(jakarta.persistence.TypedQuery<?> query, AccountSearch s) {
    if (s.text() != null) {
      String t = s.text().toLowerCase(java.util.Locale.ROOT)
          .replace("!", "!!").replace("%", "!%").replace("_", "!_");
      query.setParameter("t", "%" + t + "%");
    }
    if (s.role() != null) {
      query.setParameter("r", s.role());
    }
    if (s.department() != null) {
      query.setParameter("d", s.department());
    }
    if (s.enabled() != null) {
      query.setParameter("e", s.enabled());
    }
  }

  @Override
  public int removeTokensOf(Long userId) {
    return em.createNativeQuery("DELETE FROM api_token WHERE user_id = ?1")
        .setParameter(1, userId).executeUpdate();
  }

  @Override
  public Optional<Enterprise> enterpriseByCreditCode(String creditCode) {
    return em.createQuery("select e from Enterprise e where e.creditCode = :c", Enterprise.class)
        .setParameter("c", creditCode).getResultList().stream().findFirst();
  }

  @Override
  public void addEnterprise(Enterprise enterprise) {
    em.persist(enterprise);
    em.flush();
  }

  // Tokens are rows without an entity: nothing but their hash, owner and lifetime is kept.
  @Override
  public void addToken(String tokenHash, Long userId, Instant createdAt, Instant expiresAt) {
    em.createNativeQuery("INSERT INTO api_token(token_hash, user_id, created_at, expires_at)"
            + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, tokenHash).setParameter(2, userId)
        .setParameter(3, Timestamp.from(createdAt)).setParameter(4, Timestamp.from(expiresAt))
        .executeUpdate();
  }

  @Override
  public boolean removeToken(String tokenHash) {
    return em.createNativeQuery("DELETE FROM api_token WHERE token_hash = ?1")
        .setParameter(1, tokenHash).executeUpdate() > 0;
  }

  @Override
  public Optional<Long> userOfToken(String tokenHash, Instant now) {
    List<?> rows = em.createNativeQuery(
            "SELECT user_id FROM api_token WHERE token_hash = ?1 AND expires_at > ?2")
        .setParameter(1, tokenHash).setParameter(2, Timestamp.from(now)).getResultList();
    return rows.stream().findFirst().map(r -> ((Number) r).longValue());
  }

  @Override
  public List<UserAccount> chiefs(Department department, ChiefRole role) {
    return em.createQuery("select u from UserAccount u where u.department = :d"
            + " and u.chiefRole = :r and u.enabled = true", UserAccount.class)
        .setParameter("d", department).setParameter("r", role).getResultList();
  }

  @Override
  public List<UserAccount> staffOf(Department department) {
    return em.createQuery("select u from UserAccount u where u.department = :d and u.enabled = true"
            + " order by u.id", UserAccount.class)
        .setParameter("d", department).getResultList().stream()
        .filter(u -> u.has(Role.REVIEWER) || u.has(Role.CHIEF_REP)).toList();
  }

  @Override
  public void addAbsence(Absence absence) {
    em.persist(absence);
    em.flush();
  }

  @Override
  public List<Absence> absencesOf(Long userId) {
    return em.createQuery("select a from Absence a where a.userId = :u order by a.from", Absence.class)
        .setParameter("u", userId).getResultList();
  }

  @Override
  public List<Absence> absencesNotOverBy(java.time.LocalDate day) {
    return em.createQuery("select a from Absence a where a.to >= :d order by a.from, a.id",
        Absence.class).setParameter("d", day).setMaxResults(500).getResultList();
  }
}
