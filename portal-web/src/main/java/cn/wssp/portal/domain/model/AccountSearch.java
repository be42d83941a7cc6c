package cn.wssp.portal.domain.model;

/**
 * The admin's search over accounts (用户与角色): {@code text} in the username or display name
 * (case-insensitive), a role, a department (code or name), enabled or not; null means any.
 * Pages are 0-based.
 */
public record AccountSearch(String text, Role role, String department, Boolean enabled, int page,
    int size) {
  public static final int MAX_SIZE = 100;

  public AccountSearch {
    text = text == null || text.isBlank() ? null : text.trim();
    department = department == null || department.isBlank() ? null : department.trim();
    page = Math.max(0, page);
    size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
  }

  /** Whether an account matches (the in-memory repository's filter, the same as the query's). */
  public boolean matches(UserAccount u) {
    if (text != null) {
      String t = text.toLowerCase(java.util.Locale.ROOT);
      if (!u.username().toLowerCase(java.util.Locale.ROOT).contains(t)
          && (u.displayName() == null || !u.displayName().toLowerCase(java.util.Locale.ROOT).contains(t))) {
        return false;
      }
    }
    if (role != null && !u.has(role)) {
      return false;
    }
    if (department != null && (u.department() == null
        || !(department.equals(u.department().code()) || department.equals(u.department().name())))) {
      return false;
    }
    return enabled == null || enabled == u.enabled();
  }
}
