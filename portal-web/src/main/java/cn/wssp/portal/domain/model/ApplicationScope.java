package cn.wssp.portal.domain.model;

/**
 * Which applications a list may hold at all, so that the database narrows a list before it is
 * cut to a page or a limit (a department's queue must not be the newest 500 of the whole center
 * filtered afterwards). {@code enterpriseId}: only that enterprise's; {@code departmentId}: only
 * matters that department decides; {@code submittedOnly}: drafts are the enterprise's own
 * business; {@code none}: nothing at all. Who gets which scope is AccessPolicy's rule.
 */
public record ApplicationScope(Long enterpriseId, Long departmentId, boolean submittedOnly,
    boolean none) {

  /** The window, the supervisor, the center's administrator. */
  public static ApplicationScope everySubmitted() {
    return new ApplicationScope(null, null, true, false);
  }

  /** A department's reviewers and chief representative. */
  public static ApplicationScope department(Long id) {
    return new ApplicationScope(null, id, true, false);
  }

  /** An enterprise's users: drafts included. */
  public static ApplicationScope enterprise(Long id) {
    return new ApplicationScope(id, null, false, false);
  }

  public static ApplicationScope nothing() {
    return new ApplicationScope(null, null, true, true);
  }

  /** The rule in memory, as the query applies it. */
  public boolean contains(Application a) {
    return !none
        && (enterpriseId == null || enterpriseId.equals(a.enterprise().id()))
        && (departmentId == null
            || a.matter().departments().stream().anyMatch(d -> departmentId.equals(d.id())))
        && (!submittedOnly || a.submittedAt() != null);
  }
}
