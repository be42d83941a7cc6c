package cn.wssp.portal.domain.model;

/** The generated documents of §3, with their titles and number prefixes. */
public enum DocumentKind {
  ACCEPTANCE_NOTICE("受理通知书", "SL"),
  SUPPLEMENT_NOTICE("补正材料一次性告知书", "BZ"),
  NOT_ACCEPTED_NOTICE("不予受理通知书", "BSL"),
  APPROVAL_DECISION("准予行政许可决定书", "ZY"),
  DENIAL_DECISION("不予行政许可决定书", "BY"),
  REVOCATION_DECISION("撤销决定书", "CX"),
  /** 授权委托书 of a department's chief representatives: a document of no application. */
  DELEGATION_LETTER("授权委托书", "WT"),
  /** 电子证照: the licence issued next to the approval of a matter that grants one. */
  LICENCE("电子证照", "ZZ");

  private final String title;
  private final String prefix;

  DocumentKind(String title, String prefix) {
    this.title = title;
    this.prefix = prefix;
  }

  public String title() {
    return title;
  }

  public String prefix() {
    return prefix;
  }

  /** What revoking an approval takes back: the decision and the licence issued with it. */
  public boolean isRevocable() {
    return this == APPROVAL_DECISION || this == LICENCE;
  }

  public boolean isDecision() {
    return this == APPROVAL_DECISION || this == DENIAL_DECISION || this == REVOCATION_DECISION;
  }
}
