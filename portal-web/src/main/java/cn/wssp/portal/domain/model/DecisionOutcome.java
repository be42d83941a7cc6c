package cn.wssp.portal.domain.model;

/** What the chief representative decides (§6). */
public enum DecisionOutcome {
  APPROVE,
  DENY
}
