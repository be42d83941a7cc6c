package cn.wssp.portal.domain.model;

/** Where a commitment (承诺书) stands (§5, API.md). */
public enum CommitmentStatus {
  OPEN("待补交"),
  FULFILLED("已履行"),
  BREACHED("逾期未履行"),
  REVOKED("已撤销");

  private final String label;

  CommitmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
