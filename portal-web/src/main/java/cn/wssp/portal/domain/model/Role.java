package cn.wssp.portal.domain.model;

/** The roles of §1. */
public enum Role {
  APPLICANT("申请人"),
  WINDOW_CLERK("窗口受理人员"),
  REVIEWER("审查人员"),
  CHIEF_REP("首席代表"),
  CENTER_ADMIN("中心管理员"),
  SUPERVISOR("电子监察");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
