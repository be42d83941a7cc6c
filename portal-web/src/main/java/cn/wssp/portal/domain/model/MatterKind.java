package cn.wssp.portal.domain.model;

/** Kinds of matter (§2). */
public enum MatterKind {
  /** 即办件: decided on the spot. */
  IMMEDIATE("即办件"),
  /** 承诺件: decided within N working days. */
  PROMISED("承诺件"),
  /** 联办件: several departments approve in parallel. */
  JOINT("联办件"),
  /** 上报件: forwarded to a higher level. */
  FORWARDED("上报件");

  private final String label;

  MatterKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
