package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.UserAdministration;
import cn.wssp.portal.application.UserAdministration.AccountView;
import cn.wssp.portal.domain.model.AccountSearch;
import cn.wssp.portal.domain.model.ChiefRole;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.PasswordRule;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The admin page's 用户与角色: the accounts searched and paged by the database (a lazy table), a
 * form for a new account, and the chosen account's name, role, department, enabled and password.
 * Everything is checked and audited by {@link UserAdministration}; the password rule is checked
 * here first only to say what is wrong in the visitor's language.
 */
@Named
@ViewScoped
public class AdminUsersBean implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 10;

  @Inject
  Formats formats;

  @Inject
  CurrentActor current;

  @Inject
  UserAdministration users;

  // The search.
  private String q;
  private String role;
  private String department;
  private String enabled;
  private transient LazyDataModel<AccountView> rows;

  // A new account.
  private String username;
  private String displayName;
  private String password;
  private String newRole;
  private String newDepartment;
  private String newChiefRole;
  private String pin;
  private String creditCode;
  private String enterpriseName;
  private String email;

  // The chosen account.
  private AccountView chosen;
  private String editDisplayName;
  private String editRole;
  private String editDepartment;
  private String editChiefRole;
  private String editPin;
  private boolean editEnabled;
  private String newPassword;

  public LazyDataModel<AccountView> getRows() {
    if (rows == null) {
      rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          UserAdministration.Page page = Pages.attempt(() -> users.search(current.require(), search(0, 1)));
          return page == null ? 0 : (int) Math.min(Integer.MAX_VALUE, page.total());
        }

        @Override
        public List<AccountView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          int size = pageSize <= 0 ? PAGE_SIZE : pageSize;
          UserAdministration.Page page = Pages.attempt(() -> users.search(current.require(),
              search(first / size, size)));
          return page == null ? List.of() : page.items();
        }

        @Override
        public String getRowKey(AccountView row) {
          return String.valueOf(row.id());
        }
      };
    }
    return rows;
  }

  private AccountSearch search(int page, int size) {
    Role r = blank(role) ? null : Role.valueOf(role);
    Boolean e = blank(enabled) ? null : Boolean.valueOf(enabled);
    return new AccountSearch(q, r, department, e, page, size);
  }

  public void find() {
    rows = null;
  }

  public int getPageSize() {
    return PAGE_SIZE;
  }

  public List<String> getRoles() {
    return Arrays.stream(Role.values()).map(Role::name).toList();
  }

  public List<String> getChiefRoles() {
    return Arrays.stream(ChiefRole.values()).map(ChiefRole::name).toList();
  }

  public List<SelectItem> getDepartments() {
    return Pages.departmentItems(Pages.attempt(() -> users.departments(current.require())),
        formats);
  }

  public void create() {
    if (!passwordOk("tabs:newUser:password", username, password)) {
      return;
    }
    AccountView created = Pages.attempt(() -> users.create(current.require(),
        new UserAdministration.NewAccount(username, displayName, password, email,
            placement(newRole, newDepartment, newChiefRole, pin, creditCode, enterpriseName))));
    password = null;
    pin = null;
    if (created != null) {
      Pages.info(Pages.label("admin.users.created") + " " + created.username());
      username = displayName = newRole = newDepartment = newChiefRole = creditCode = null;
      enterpriseName = email = null;
      rows = null;
    }
  }

  public void choose(AccountView row) {
    chosen = row;
    editDisplayName = row.displayName();
    editRole = row.roles().isEmpty() ? null : row.roles().get(0);
    editDepartment = row.departmentCode();
    editChiefRole = row.chiefRole() == null ? null : row.chiefRole().name();
    editPin = null;
    editEnabled = row.enabled();
    newPassword = null;
  }

  public void save() {
    if (chosen == null) {
      return;
    }
    boolean applicant = Role.APPLICANT.name().equals(editRole);
    AccountView saved = Pages.attempt(() -> users.change(current.require(), chosen.id(),
        new UserAdministration.Change(editDisplayName, null,
            placement(editRole, editDepartment, editChiefRole, editPin,
                applicant ? chosen.enterpriseCreditCode() : null, null),
            editEnabled)));
    editPin = null;
    if (saved != null) {
      Pages.info(Pages.label("admin.users.saved") + " " + saved.username());
      choose(saved);
      rows = null;
    }
  }

  public void resetPassword() {
    if (chosen == null || !passwordOk("tabs:users:newPassword", chosen.username(), newPassword)) {
      newPassword = null;
      return;
    }
    AccountView done = Pages.attempt(() -> users.resetPassword(current.require(), chosen.id(),
        newPassword));
    newPassword = null;
    if (done != null) {
      Pages.info(Pages.label("admin.users.passwordReset") + " " + done.username());
    }
  }

  public void close() {
    chosen = null;
  }

  /** The password rule's refusal in the visitor's language, next to the field. */
  private static boolean passwordOk(String clientId, String user, String pw) {
    Optional<PasswordRule.Violation> v = PasswordRule.check(user, pw);
    if (v.isPresent()) {
      Pages.invalid(clientId, Pages.label("password.rule." + v.get().name()));
      return false;
    }
    return true;
  }

  private static UserAdministration.Placement placement(String role, String department,
      String chiefRole, String pin, String creditCode, String enterpriseName) {
    boolean chief = Role.CHIEF_REP.name().equals(role);
    boolean ofDepartment = chief || Role.REVIEWER.name().equals(role);
    return new UserAdministration.Placement(
        blank(role) ? null : EnumSet.of(Role.valueOf(role)),
        ofDepartment ? department : null,
        chief && !blank(chiefRole) ? ChiefRole.valueOf(chiefRole) : null,
        chief ? pin : null,
        Role.APPLICANT.name().equals(role) ? creditCode : null,
        Role.APPLICANT.name().equals(role) ? enterpriseName : null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public String getQ() { return q; }
  public void setQ(String q) { this.q = q; }
  public String getRole() { return role; }
  public void setRole(String role) { this.role = role; }
  public String getDepartment() { return department; }
  public void setDepartment(String department) { this.department = department; }
  public String getEnabled() { return enabled; }
  public void setEnabled(String enabled) { this.enabled = enabled; }
  public String getUsername() { return username; }
  public void setUsername(String username) { this.username = username; }
  public String getDisplayName() { return displayName; }
  public void setDisplayName(String displayName) { this.displayName = displayName; }
  public String getPassword() { return null; }
  public void setPassword(String password) { this.password = password; }
  public String getNewRole() { return newRole; }
  public void setNewRole(String newRole) { this.newRole = newRole; }
  public String getNewDepartment() { return newDepartment; }
  public void setNewDepartment(String newDepartment) { this.newDepartment = newDepartment; }
  public String getNewChiefRole() { return newChiefRole; }
  public void setNewChiefRole(String newChiefRole) { this.newChiefRole = newChiefRole; }
  public String getPin() { return null; }
  public void setPin(String pin) { this.pin = pin; }
  public String getCreditCode() { return creditCode; }
  public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
  public String getEnterpriseName() { return enterpriseName; }
  public void setEnterpriseName(String enterpriseName) { this.enterpriseName = enterpriseName; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public AccountView getChosen() { return chosen; }
  public String getEditDisplayName() { return editDisplayName; }
  public void setEditDisplayName(String editDisplayName) { this.editDisplayName = editDisplayName; }
  public String getEditRole() { return editRole; }
  public void setEditRole(String editRole) { this.editRole = editRole; }
  public String getEditDepartment() { return editDepartment; }
  public void setEditDepartment(String editDepartment) { this.editDepartment = editDepartment; }
  public String getEditChiefRole() { return editChiefRole; }
  public void setEditChiefRole(String editChiefRole) { this.editChiefRole = editChiefRole; }
  public String getEditPin() { return null; }
  public void setEditPin(String editPin) { this.editPin = editPin; }
  public boolean isEditEnabled() { return editEnabled; }
  public void setEditEnabled(boolean editEnabled) { this.editEnabled = editEnabled; }
  public String getNewPassword() { return null; }
  public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
}
