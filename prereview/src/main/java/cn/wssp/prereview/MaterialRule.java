package cn.wssp.prereview;

import java.util.List;
import java.util.Objects;

/**
 * One material of a {@link RuleSet}: the requirement (type, size, pages, 容缺) and the content checks
 * run on its file after the standard ones.
 */
public record MaterialRule(MaterialRequirement requirement, List<CheckSpec> checks) {
  public MaterialRule {
    Objects.requireNonNull(requirement, "requirement");
    checks = List.copyOf(checks);
  }

  public String code() {
    return requirement.code();
  }
}
