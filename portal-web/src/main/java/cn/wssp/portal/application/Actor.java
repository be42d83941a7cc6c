package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.ChiefRole;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.UserAccount;
import java.util.Set;

/** Who is acting: the logged-in user as the use cases need them (never an entity). */
public record Actor(
    Long userId,
    String username,
    String displayName,
    Set<Role> roles,
    Long enterpriseId,
    Long departmentId,
    ChiefRole chiefRole) {

  public static Actor of(UserAccount u) {
    return new Actor(u.id(), u.username(), u.displayName(), Set.copyOf(u.roles()),
        u.enterprise() == null ? null : u.enterprise().id(),
        u.department() == null ? null : u.department().id(), u.chiefRole());
  }

  /** The background worker, for audit entries it writes. */
  public static Actor system() {
    return new Actor(null, "system", "系统", Set.of(), null, null, null);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isStaff() {
    return roles.stream().anyMatch(r -> r != Role.APPLICANT);
  }
}
