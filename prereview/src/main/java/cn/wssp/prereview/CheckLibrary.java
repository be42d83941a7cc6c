package cn.wssp.prereview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the checks a rule set names into the classes that run them (RULES.md lists them). */
final class CheckLibrary {
  private CheckLibrary() {}

  static MaterialCheck material(CheckSpec s) {
    return switch (s.type()) {
      case "keywords" -> new KeywordsCheck(s);
      case "creditCode" -> new CreditCodeCheck(s);
      case "idNumber" -> new IdNumberCheck(s);
      case "expiry" -> new ExpiryCheck(s);
      case "enterpriseName" -> new EnterpriseNameCheck(s);
      case "signature" -> new SignatureCheck(s);
      case "pageLimit" -> new PageLimitRule(s);
      case "sizeLimit" -> new SizeLimitRule(s);
      case "anyOf" -> new AnyOfCheck(s);
      default -> throw new IllegalArgumentException("no material check " + s.type());
    };
  }

  static List<MaterialCheck> material(List<CheckSpec> specs) {
    List<MaterialCheck> r = new ArrayList<>();
    for (CheckSpec s : specs) {
      r.add(material(s));
    }
    return r;
  }

  /**
   * Runs a matter-level check on the examined files (the first readable file of each material).
   *
   * @param files material code → its inspection, only materials whose file passed their checks
   */
  static List<Finding> matter(CheckSpec s, RuleSet rules, Map<String, Inspection> files,
      Applicant applicant) {
    List<String> codes = s.strings("materials");
    List<Finding> r = new ArrayList<>();
    String firstCode = null;
    Object firstValue = null;
    for (String code : codes) {
      Inspection i = files.get(code);
      if (i == null) {
        continue;
      }
      MaterialRequirement m = requirement(rules, code);
      switch (s.type()) {
        case "sameCreditCode" -> {
          List<TextSearch.Match> found = CreditCodeCheck.find(TextSearch.of(i)).stream()
              .filter(x -> Identifiers.validCreditCode(x.group(1))).toList();
          if (found.isEmpty()) {
            continue;
          }
          if (firstCode == null) {
            firstCode = code;
            firstValue = found.get(0).group(1);
          } else if (!containsCode(found, (String) firstValue)) {
            TextSearch.Match x = found.get(0);
            r.add(new Finding(code, FindingCode.CREDIT_CODE_MISMATCH, s.severity(),
                withHint(s, Messages.format("CREDIT_CODE_MISMATCH.between", m.name(), "",
                    x.group(1), requirement(rules, firstCode).name(), firstValue)),
                x.evidence()));
          }
        }
        case "sameEnterpriseName" -> {
          if (applicant == null || applicant.name() == null) {
            return r;
          }
          boolean names = EnterpriseNameCheck.names(i, applicant.name());
          if (firstCode == null) {
            firstCode = code;
            firstValue = names;
          } else if (names != (Boolean) firstValue) {
            String without = names ? firstCode : code;
            String with = names ? code : firstCode;
            r.add(new Finding(without, FindingCode.ENTERPRISE_NAME_MISMATCH, s.severity(),
                withHint(s, Messages.format("ENTERPRISE_NAME_MISMATCH.between",
                    requirement(rules, without).name(), "", applicant.name(),
                    requirement(rules, with).name())), null));
          }
        }
        default -> throw new IllegalArgumentException("no matter check " + s.type());
      }
    }
    return r;
  }

  private static boolean containsCode(List<TextSearch.Match> found, String code) {
    for (TextSearch.Match x : found) {
      if (x.group(1).equals(code)) {
        return true;
      }
    }
    return false;
  }

  private static String withHint(CheckSpec s, String message) {
    return s.hint() != null ? message + s.hint() : message;
  }

  private static MaterialRequirement requirement(RuleSet rules, String code) {
    return rules.materials().stream().filter(m -> m.code().equals(code)).findFirst()
        .orElseThrow().requirement();
  }
}
