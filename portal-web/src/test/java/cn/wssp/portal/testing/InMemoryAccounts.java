package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.time.Instant;
import java.util.*;

public class InMemoryAccounts implements AccountRepository {
  private record Token(Long userId, Instant expiresAt) {}

  private final Map<Long, UserAccount> users = new LinkedHashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final List<Absence> absences = new ArrayList<>();

  @Override
  public UserAccount add(UserAccount user) {
    Ids.assign(user);
    users.put(user.id(), user);
    return user;
  }

  @Override
  public Optional<UserAccount> find(Long id) {
    return Optional.ofNullable(id == null ? null : users.get(id));
  }

  @Override
  public Optional<UserAccount> findForUpdate(Long id) {
    return find(id);
  }

  @Override
  public Optional<UserAccount> byUsername(String username) {
    return users.values().stream().filter(u -> u.username().equals(username))
        .filter(UserAccount::enabled).findFirst();
  }

  private final List<Enterprise> enterprises = new ArrayList<>();

  @Override
  public Optional<UserAccount> anyByUsername(String username) {
    return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
  }

  @Override
  public List<UserAccount> search(AccountSearch search) {
    return users.values().stream().filter(search::matches)
        .sorted(Comparator.comparing(UserAccount::username))
        .skip((long) search.page() * search.size()).limit(search.size()).toList();
  }

  @Override
  public long count(AccountSearch search) {
    return users.values().stream().filter(search::matches).count();
  }

  @Override
  public int removeTokensOf(Long userId) {
    int before = tokens.size();
    tokens.values().removeIf(t -> t.userId().equals(userId));
    return before - tokens.size();
  }

  /** How many unexpired-or-not tokens an account has (tests). */
  public long tokensOf(Long userId) {
    return tokens.values().stream().filter(t -> t.userId().equals(userId)).count();
  }

  @Override
  public Optional<Enterprise> enterpriseByCreditCode(String creditCode) {
    return enterprises.stream().filter(e -> e.creditCode().equals(creditCode)).findFirst();
  }

  @Override
  public void addEnterprise(Enterprise enterprise) {
    enterprises.add(Ids.assign(enterprise));
  }

  @Override
  public void addToken(String tokenHash, Long userId, Instant createdAt, Instant expiresAt) {
    tokens.put(tokenHash, new Token(userId, expiresAt));
  }

  @Override
  public boolean removeToken(String tokenHash) {
    return tokens.remove(tokenHash) != null;
  }

  @Override
  public Optional<Long> userOfToken(String tokenHash, Instant now) {
    return Optional.ofNullable(tokens.get(tokenHash)).filter(t -> t.expiresAt().isAfter(now))
        .map(Token::userId);
  }

  @Override
  public List<UserAccount> chiefs(Department department, ChiefRole role) {
    return users.values().stream().filter(u -> u.department() == department
        && u.chiefRole() == role && u.enabled()).toList();
  }

  @Override
  public List<UserAccount> staffOf(Department department) {
    return users.values().stream().filter(u -> u.department() == department && u.enabled()
        && (u.has(Role.REVIEWER) || u.has(Role.CHIEF_REP))).toList();
  }

  @Override
  public void addAbsence(Absence absence) {
    absences.add(Ids.assign(absence));
  }

  @Override
  public List<Absence> absencesOf(Long userId) {
    return absences.stream().filter(a -> a.userId().equals(userId)).toList();
  }

  @Override
  public List<Absence> absencesNotOverBy(java.time.LocalDate day) {
    return absences.stream().filter(a -> !a.to().isBefore(day))
        .sorted(java.util.Comparator.comparing(Absence::from)).toList();
  }
}
