package cn.wssp.portal.domain.model;

/** What a delegation letter (委托书) entrusts its chief representatives with. */
public enum DelegatedAction {
  ACCEPT("受理"),
  REVIEW("审核"),
  APPROVE("审批"),
  ISSUE("签发");

  private final String label;

  DelegatedAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
