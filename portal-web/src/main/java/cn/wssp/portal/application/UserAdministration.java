package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AccountRepository;
import cn.wssp.portal.domain.model.AccountSearch;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.ChiefRole;
import cn.wssp.portal.domain.model.CreditCode;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Enterprise;
import cn.wssp.portal.domain.model.MatterRepository;
import cn.wssp.portal.domain.model.PasswordHasher;
import cn.wssp.portal.domain.model.PasswordRule;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 用户与角色 (CENTER_ADMIN): the accounts, searched and paged; a new account; its display name,
 * roles, department, enterprise, A角/B角 and enabled changed; its password reset. Every change is
 * audited with who made it (never a password). Disabling an account ends its API tokens at once.
 * The account model is {@link UserAccount}'s: an applicant belongs to an enterprise, a reviewer
 * or chief representative to a department, a chief representative is role A or B with a signing
 * PIN; clerks, admins and supervisors belong to the center.
 */
@ApplicationScoped
public class UserAdministration {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
  private static final Pattern PIN = Pattern.compile("\\d{6}");

  @Inject
  AccountRepository accounts;

  @Inject
  MatterRepository matters;

  @Inject
  AuditTrail audit;

  /** An account as the admin sees it: never its password or PIN hash. */
  public record AccountView(Long id, String username, String displayName, List<String> roles,
      String email, String enterpriseName, String enterpriseCreditCode, String departmentCode,
      String departmentName, ChiefRole chiefRole, boolean enabled, boolean demo)
      implements java.io.Serializable {

    static AccountView of(UserAccount u) {
      return new AccountView(u.id(), u.username(), u.displayName(),
          u.roles().stream().map(Role::name).sorted().toList(), u.email(),
          u.enterprise() == null ? null : u.enterprise().name(),
          u.enterprise() == null ? null : u.enterprise().creditCode(),
          u.department() == null ? null : u.department().code(),
          u.department() == null ? null : u.department().name(), u.chiefRole(), u.enabled(),
          u.demo());
    }
  }

  public record Page(List<AccountView> items, long total, int page, int size) {}

  /**
   * Where an account belongs and what it may do; on a change, null keeps what the account has
   * (roles, department, enterprise, A/B), and a PIN is needed only for a new chief representative.
   */
  public record Placement(Set<Role> roles, String department, ChiefRole chiefRole, String pin,
      String enterpriseCreditCode, String enterpriseName) {}

  public record NewAccount(String username, String displayName, String password, String email,
      Placement placement) {}

  /** A change: every null field keeps its value. */
  public record Change(String displayName, String email, Placement placement, Boolean enabled) {}

  public Page search(Actor actor, AccountSearch search) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "管理用户与角色");
    List<AccountView> items = accounts.search(search).stream().map(AccountView::of).toList();
    return new Page(items, accounts.count(search), search.page(), search.size());
  }

  public AccountView get(Actor actor, Long id) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "管理用户与角色");
    return AccountView.of(find(id));
  }

  @Transactional
  public AccountView create(Actor actor, NewAccount request) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "创建账户");
    String username = request.username() == null ? "" : request.username().trim();
    if (!USERNAME.matcher(username).matches()) {
      throw DomainException.invalid("用户名（username）须为 3–64 个字母、数字或 . _ -，以字母或数字开头。")
          .inEnglish("The user name is 3–64 letters, digits or . _ -, beginning with a letter or digit.");
    }
    String displayName = displayName(request.displayName());
    String email = email(request.email());
    PasswordRule.require(username, request.password());
    if (accounts.anyByUsername(username).isPresent()) {
      throw new DomainException("USERNAME_TAKEN", 409, "用户名（username）「" + username + "」已被使用。")
          .inEnglish("The user name \"" + username + "\" is already in use.");
    }
    Placement p = request.placement();
    if (p == null || p.roles() == null) {
      throw DomainException.invalid("请选择角色（roles）。")
          .inEnglish("Choose the roles.");
    }
    Resolved where = resolve(p, null);
    UserAccount account = new UserAccount(username, displayName,
        PasswordHasher.hash(request.password().toCharArray()), where.roles);
    account.assign(where.roles, where.enterprise, where.department, where.chiefRole, where.pinHash);
    account.changeEmail(email);
    accounts.add(account);
    audit.record(actor, null, AuditAction.ACCOUNT_CREATED, null, null,
        "账户 " + username + "（" + displayName + "），" + describe(account));
    return AccountView.of(account);
  }

  @Transactional
  public AccountView change(Actor actor, Long id, Change change) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "修改账户");
    UserAccount account = find(id);
    boolean self = account.id().equals(actor.userId());
    List<String> changes = new ArrayList<>();
    if (change.displayName() != null) {
      String name = displayName(change.displayName());
      if (!name.equals(account.displayName())) {
        changes.add("显示名称「" + account.displayName() + "」→「" + name + "」");
        account.rename(name);
      }
    }
    if (change.email() != null) {
      String email = email(change.email());
      if (!java.util.Objects.equals(email, account.email())) {
        changes.add("电子邮箱已修改");
        account.changeEmail(email);
      }
    }
    if (change.placement() != null) {
      Resolved where = resolve(change.placement(), account);
      if (self && !where.roles.contains(Role.CENTER_ADMIN)) {
        throw new DomainException("SELF_LOCKOUT", 409, "不能取消自己的中心管理员角色（roles），请由另一位中心管理员操作。")
          .inEnglish("You cannot take the center administrator role from yourself; ask another center administrator.");
      }
      String before = describe(account);
      account.assign(where.roles, where.enterprise, where.department, where.chiefRole, where.pinHash);
      String after = describe(account);
      if (!before.equals(after)) {
        changes.add(before + " → " + after);
      }
      if (where.pinHash != null) {
        changes.add("签章 PIN 已设置");
      }
    }
    if (change.enabled() != null && change.enabled() != account.enabled()) {
      if (self && !change.enabled()) {
        throw new DomainException("SELF_LOCKOUT", 409, "不能停用自己的账户（enabled），请由另一位中心管理员操作。")
          .inEnglish("You cannot disable your own account; ask another center administrator.");
      }
      account.enable(change.enabled());
      if (change.enabled()) {
        changes.add("启用");
      } else {
        int tokens = accounts.removeTokensOf(account.id());
        changes.add("停用（注销 API 令牌 " + tokens + " 个）");
      }
    }
    if (!changes.isEmpty()) {
      audit.record(actor, null, AuditAction.ACCOUNT_CHANGED, null, null,
          "账户 " + account.username() + "：" + String.join("；", changes));
    }
    return AccountView.of(account);
  }

  /** A new password (by the rule); the account's API tokens end, so it logs in again. */
  @Transactional
  public AccountView resetPassword(Actor actor, Long id, String password) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "重置密码");
    UserAccount account = find(id);
    PasswordRule.require(account.username(), password);
    account.changePasswordHash(PasswordHasher.hash(password.toCharArray()));
    int tokens = accounts.removeTokensOf(account.id());
    audit.record(actor, null, AuditAction.ACCOUNT_PASSWORD_RESET, null, null,
        "账户 " + account.username() + " 的密码已重置（注销 API 令牌 " + tokens + " 个）");
    return AccountView.of(account);
  }

  /** The departments an account may belong to (the admin page's choice). */
  public List<Department> departments(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "管理用户与角色");
    return matters.departments();
  }

  private UserAccount find(Long id) {
    return accounts.find(id).orElseThrow(() -> DomainException.notFound("账户")
        .inEnglish("The account does not exist or you may not see it."));
  }

  private record Resolved(Set<Role> roles, Enterprise enterprise, Department department,
      ChiefRole chiefRole, String pinHash) {}

  /** The placement checked against the account model; {@code current} fills what is left null. */
  private Resolved resolve(Placement p, UserAccount current) {
    Set<Role> roles = p.roles() != null ? EnumSet.copyOf(nonEmpty(p.roles()))
        : current.roles();
    if (roles.contains(Role.APPLICANT) && roles.size() > 1) {
      throw DomainException.invalid("申请人（APPLICANT）账户不能兼有工作人员角色（roles）。")
          .inEnglish("An applicant account cannot also have staff roles.");
    }
    Enterprise enterprise = null;
    if (roles.contains(Role.APPLICANT)) {
      enterprise = blank(p.enterpriseCreditCode()) && current != null ? current.enterprise()
          : enterprise(p.enterpriseCreditCode(), p.enterpriseName());
      if (enterprise == null) {
        throw DomainException.invalid("申请人账户须属于一家企业：请填写统一社会信用代码（enterpriseCreditCode）。")
          .inEnglish("An applicant account belongs to an enterprise: give its unified social credit code.");
      }
    } else if (!blank(p.enterpriseCreditCode())) {
      throw DomainException.invalid("只有申请人账户属于企业（enterpriseCreditCode）。")
          .inEnglish("Only applicant accounts belong to an enterprise.");
    }
    boolean ofDepartment = roles.contains(Role.REVIEWER) || roles.contains(Role.CHIEF_REP);
    Department department = null;
    if (ofDepartment) {
      department = blank(p.department()) && current != null ? current.department()
          : department(p.department());
      if (department == null) {
        throw DomainException.invalid("审查人员和首席代表须属于一个部门（department）。")
          .inEnglish("Reviewers and chief representatives belong to a department: choose it.");
      }
    } else if (!blank(p.department())) {
      throw DomainException.invalid("只有审查人员和首席代表属于部门（department）；窗口、监察和管理员属于中心。")
          .inEnglish("Only reviewers and chief representatives belong to a department; window clerks, supervisors and administrators belong to the center.");
    }
    ChiefRole chiefRole = null;
    String pinHash = null;
    if (roles.contains(Role.CHIEF_REP)) {
      chiefRole = p.chiefRole() != null ? p.chiefRole() : current == null ? null : current.chiefRole();
      if (chiefRole == null) {
        throw DomainException.invalid("首席代表须指定 A角或 B角（chiefRole：A 或 B）。")
          .inEnglish("A chief representative is role A or role B: choose one.");
      }
      boolean hasPin = current != null && current.pinHash() != null;
      if (!blank(p.pin())) {
        if (!PIN.matcher(p.pin()).matches()) {
          throw DomainException.invalid("签章 PIN（pin）须为 6 位数字。")
          .inEnglish("The signing PIN is 6 digits.");
        }
        pinHash = PasswordHasher.hash(p.pin().toCharArray());
      } else if (!hasPin) {
        throw DomainException.invalid("首席代表须设置 6 位数字的签章 PIN（pin）。")
          .inEnglish("A chief representative needs a 6-digit signing PIN.");
      }
    } else if (p.chiefRole() != null || !blank(p.pin())) {
      throw DomainException.invalid("只有首席代表（CHIEF_REP）有 A角/B角（chiefRole）和签章 PIN（pin）。")
          .inEnglish("Only chief representatives have role A/B and a signing PIN.");
    }
    return new Resolved(roles, enterprise, department, chiefRole, pinHash);
  }

  private static Set<Role> nonEmpty(Set<Role> roles) {
    if (roles.isEmpty()) {
      throw DomainException.invalid("请至少选择一个角色（roles）。")
          .inEnglish("Choose at least one role.");
    }
    return roles;
  }

  private Department department(String codeOrName) {
    if (blank(codeOrName)) {
      return null;
    }
    String wanted = codeOrName.trim();
    return matters.departments().stream()
        .filter(d -> d.code().equalsIgnoreCase(wanted) || d.name().equals(wanted)).findFirst()
        .orElseThrow(() -> DomainException.invalid("部门（department）「" + clip(wanted)
            + "」不存在，请填写部门编码或名称。").inEnglish("No department \"" + clip(wanted)
            + "\": give a department's code or name."));
  }

  private Enterprise enterprise(String creditCode, String name) {
    if (blank(creditCode)) {
      return null;
    }
    String code = creditCode.trim().toUpperCase(Locale.ROOT);
    if (!CreditCode.isValid(code)) {
      throw DomainException.invalid("统一社会信用代码（enterpriseCreditCode）「" + clip(code) + "」无效（校验位不正确）。")
          .inEnglish("The unified social credit code \"" + clip(code) + "\" is not valid (check digit).");
    }
    return accounts.enterpriseByCreditCode(code).orElseGet(() -> {
      if (blank(name)) {
        throw DomainException.invalid("统一社会信用代码 " + code
            + " 的企业尚未登记：请同时填写企业名称（enterpriseName）。")
            .inEnglish("No enterprise is registered under " + code + ": give its name too.");
      }
      if (name.trim().length() > 200) {
        throw DomainException.invalid("企业名称（enterpriseName）最多 200 个字符。")
          .inEnglish("The enterprise name may be at most 200 characters long.");
      }
      Enterprise e = new Enterprise(name.trim(), code);
      accounts.addEnterprise(e);
      return e;
    });
  }

  private static String displayName(String name) {
    if (blank(name)) {
      throw DomainException.invalid("请填写显示名称（displayName）。")
          .inEnglish("Give the display name.");
    }
    String n = name.trim();
    if (n.length() > 100) {
      throw DomainException.invalid("显示名称（displayName）最多 100 个字符。")
          .inEnglish("The display name (displayName) may be at most 100 characters long.");
    }
    return n;
  }

  private static String email(String email) {
    if (blank(email)) {
      return null;
    }
    String e = email.trim();
    if (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw DomainException.invalid("电子邮箱（email）格式不正确。")
          .inEnglish("The e-mail address (email) is not valid.");
    }
    return e;
  }

  /** Roles, department or enterprise and A/B, for the audit entry (no secrets). */
  private static String describe(UserAccount u) {
    StringBuilder s = new StringBuilder("角色 ");
    s.append(String.join("、", u.roles().stream().sorted().map(Role::label).toList()));
    if (u.department() != null) {
      s.append("，部门 ").append(u.department().name());
    }
    if (u.enterprise() != null) {
      s.append("，企业 ").append(u.enterprise().name());
    }
    if (u.chiefRole() != null) {
      s.append("，").append(u.chiefRole().label());
    }
    return s.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
