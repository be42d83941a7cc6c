package cn.wssp.prereview;

/** BLOCKING prevents acceptance; WARNING is shown to the clerk and applicant but does not. */
public enum Severity {
  BLOCKING,
  WARNING
}
