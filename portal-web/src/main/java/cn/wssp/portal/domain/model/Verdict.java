package cn.wssp.portal.domain.model;

/** The automatic pre-review's proposal (§4); the window clerk confirms or overrides it. */
public enum Verdict {
  COMPLETE("材料齐全"),
  /** Only commitable (容缺) materials are missing: the applicant may sign a commitment. */
  COMPLETE_WITH_COMMITMENT("仅容缺材料未齐，可签署承诺书容缺受理"),
  INCOMPLETE("材料不齐全或不符合要求");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
