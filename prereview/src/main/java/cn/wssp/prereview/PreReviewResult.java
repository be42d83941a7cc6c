package cn.wssp.prereview;

import java.util.List;
import java.util.Map;

/**
 * The pre-review's outcome: the verdict, every finding, and what was learnt of each file.
 *
 * @param facts keyed by material code
 * @param ruleSetVersion the {@link RuleSet#version()} the files were judged by ("requirements" for
 *     a plain requirement list)
 */
public record PreReviewResult(Verdict verdict, List<Finding> findings, Map<String, FileFacts> facts,
    String ruleSetVersion) {

  /** A result without a rule set version (as before rule sets). */
  public PreReviewResult(Verdict verdict, List<Finding> findings, Map<String, FileFacts> facts) {
    this(verdict, findings, facts, null);
  }
}
