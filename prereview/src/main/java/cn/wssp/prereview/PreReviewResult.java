package cn.wssp.prereview;

import java.util.List;
import java.util.Map;

/**
 * The pre-review's outcome: the verdict, every finding, and what was learnt of each file.
 *
 * @param facts keyed by material code
 */
public record PreReviewResult(Verdict verdict, List<Finding> findings, Map<String, FileFacts> facts) {}
