package cn.wssp.portal.domain.model;

/** How much a pre-review finding weighs: a blocking one must be fixed before acceptance. */
public enum Severity {
  BLOCKING,
  WARNING
}
