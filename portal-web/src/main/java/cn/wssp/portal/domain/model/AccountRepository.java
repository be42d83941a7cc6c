package cn.wssp.portal.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** User accounts, their API tokens (kept only as SHA-256) and their absences. */
public interface AccountRepository {
  Optional<UserAccount> find(Long id);

  /** The acting user's account: gone or disabled since the login, the request is refused. */
  default UserAccount require(Long id) {
    return find(id).orElseThrow(() -> DomainException.forbidden("账户不可用，请重新登录。")
        .inEnglish("This account is not available: please log in again."));
  }

  /** The account locked against concurrent changes until the transaction ends (PIN counting). */
  Optional<UserAccount> findForUpdate(Long id);

  /** An enabled account by its username. */
  Optional<UserAccount> byUsername(String username);

  /** Any account by its username, enabled or not, ignoring case (usernames are unique so). */
  Optional<UserAccount> anyByUsername(String username);

  /** A new account (the center admin's 用户与角色); its id is assigned. */
  UserAccount add(UserAccount account);

  /** One page of accounts matching the search, ordered by username. */
  List<UserAccount> search(AccountSearch search);

  long count(AccountSearch search);

  /** Deletes every API token of an account (disabled: its tokens stop at once); how many. */
  int removeTokensOf(Long userId);

  /** An enterprise by its unified social credit code (an applicant account belongs to one). */
  Optional<Enterprise> enterpriseByCreditCode(String creditCode);

  void addEnterprise(Enterprise enterprise);

  void addToken(String tokenHash, Long userId, Instant createdAt, Instant expiresAt);

  /** Deletes a token (logout); false if there was none. */
  boolean removeToken(String tokenHash);

  /** The user of an unexpired token, by the token's hash. */
  Optional<Long> userOfToken(String tokenHash, Instant now);

  /** Enabled chief representatives of a department in one role. */
  List<UserAccount> chiefs(Department department, ChiefRole role);

  /** Enabled reviewers and chief representatives of a department (抄告 reaches them). */
  List<UserAccount> staffOf(Department department);

  void addAbsence(Absence absence);

  List<Absence> absencesOf(Long userId);

  /** Every chief's absences not over by {@code day}: the current and the coming ones. */
  List<Absence> absencesNotOverBy(java.time.LocalDate day);
}
