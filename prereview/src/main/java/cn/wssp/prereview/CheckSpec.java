package cn.wssp.prereview;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One check of a rule set, as written: its type in the check library (see RULES.md), severity,
 * optional condition, parameters and optional hint appended to the message.
 *
 * @param type e.g. "keywords", "creditCode", "expiry"
 * @param severity of the findings it reports
 * @param when the check runs only if this holds for the file; null = always
 * @param params validated parameters: String, Boolean, Long, List of String, or (for "anyOf") List
 *     of CheckSpec
 * @param hint administrator's extra advice for the applicant, appended to each message; or null
 * @param path where it stands in the rule set, e.g. {@code materials[0].checks[2]}
 */
public record CheckSpec(String type, Severity severity, Condition when, Map<String, Object> params,
    String hint, String path) {
  public CheckSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    params = Map.copyOf(params);
  }

  boolean flag(String name, boolean otherwise) {
    Object v = params.get(name);
    return v instanceof Boolean b ? b : otherwise;
  }

  long number(String name, long otherwise) {
    Object v = params.get(name);
    return v instanceof Long l ? l : otherwise;
  }

  @SuppressWarnings("unchecked")
  List<String> strings(String name) {
    Object v = params.get(name);
    return v instanceof List<?> l ? (List<String>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  List<CheckSpec> children() {
    Object v = params.get("checks");
    return v instanceof List<?> l ? (List<CheckSpec>) l : List.of();
  }
}
