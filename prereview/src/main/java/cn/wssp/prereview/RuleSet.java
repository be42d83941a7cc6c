package cn.wssp.prereview;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A matter's pre-review rules as data (the format is documented in RULES.md): its materials, the
 * content checks of each, and the matter-level checks across materials. Immutable; parse once,
 * reuse for every application of the matter.
 *
 * @see #parse(String)
 * @see #fromRequirements(List)
 */
public final class RuleSet {
  /** The value of {@code "format"} this version reads. */
  public static final String FORMAT = "wssp-prereview-rules/1";
  /** The longest English name of a material (the column holds 200). */
  static final int MAX_NAME_EN = 200;

  /** Content checks of a material, with the parameters each accepts (see RULES.md). */
  static final Map<String, Map<String, Kind>> MATERIAL_CHECKS = Map.of(
      "keywords", Map.of("all", Kind.STRINGS, "any", Kind.STRINGS),
      "creditCode", Map.of("matchApplicant", Kind.BOOLEAN, "required", Kind.BOOLEAN),
      "idNumber", Map.of("required", Kind.BOOLEAN),
      "expiry", Map.of("required", Kind.BOOLEAN, "minDaysValid", Kind.COUNT),
      "enterpriseName", Map.of(),
      "signature", Map.of(),
      "pageLimit", Map.of("max", Kind.POSITIVE),
      "sizeLimit", Map.of("maxBytes", Kind.POSITIVE),
      "anyOf", Map.of("checks", Kind.CHECKS));

  /** Checks across the materials of an application. */
  static final Map<String, Map<String, Kind>> MATTER_CHECKS = Map.of(
      "sameCreditCode", Map.of("materials", Kind.MATERIALS),
      "sameEnterpriseName", Map.of("materials", Kind.MATERIALS));

  /** Parameters that must be given. */
  private static final Map<String, Set<String>> MANDATORY = Map.of(
      "pageLimit", Set.of("max"),
      "sizeLimit", Set.of("maxBytes"),
      "anyOf", Set.of("checks"),
      "sameCreditCode", Set.of("materials"),
      "sameEnterpriseName", Set.of("materials"));

  enum Kind { STRINGS, BOOLEAN, COUNT, POSITIVE, CHECKS, MATERIALS }

  private final String matter;
  private final String version;
  private final List<MaterialRule> materials;
  private final List<CheckSpec> matterChecks;

  RuleSet(String matter, String version, List<MaterialRule> materials,
      List<CheckSpec> matterChecks) {
    this.matter = Objects.requireNonNull(matter, "matter");
    this.version = Objects.requireNonNull(version, "version");
    this.materials = List.copyOf(materials);
    this.matterChecks = List.copyOf(matterChecks);
  }

  /** The matter's name, e.g. "食品经营许可（新办）". */
  public String matter() {
    return matter;
  }

  /** The administrator's version label, recorded with every result. */
  public String version() {
    return version;
  }

  /** The materials in the order findings are listed. */
  public List<MaterialRule> materials() {
    return materials;
  }

  public List<CheckSpec> matterChecks() {
    return matterChecks;
  }

  /** The requirements alone, as the portal's lists show them. */
  public List<MaterialRequirement> requirements() {
    return materials.stream().map(MaterialRule::requirement).toList();
  }

  /**
   * The rule set of the requirement lists used before rule sets existed: their type, size and page
   * limits, no content checks. Version "requirements".
   */
  public static RuleSet fromRequirements(List<MaterialRequirement> requirements) {
    List<MaterialRule> rules = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MaterialRequirement r : requirements) {
      if (seen.add(r.code())) {
        rules.add(new MaterialRule(r, List.of()));
      }
    }
    return new RuleSet("", "requirements", rules, List.of());
  }

  /**
   * Reads and validates a rule set.
   *
   * @throws RuleSetException (Chinese, naming the JSON position or field) when it is not valid
   */
  public static RuleSet parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonValue root;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      root = reader.readValue();
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      throw new RuleSetException(at == null ? "" : "第 " + at.getLineNumber() + " 行第 "
          + at.getColumnNumber() + " 列", "不是合法的 JSON（" + e.getMessage() + "）");
    } catch (JsonException e) {
      throw new RuleSetException("", "不是合法的 JSON（" + e.getMessage() + "）");
    }
    return new Reader().ruleSet(root);
  }

  @Override
  public String toString() {
    return "RuleSet[" + matter + " " + version + ", " + materials.size() + " materials]";
  }

  /** Walks the JSON tree, keeping the path for messages. */
  private static final class Reader {
    private final Set<String> codes = new HashSet<>();

    RuleSet ruleSet(JsonValue root) {
      JsonObject o = object(root, "");
      only(o, "", Set.of("format", "matter", "version", "materials", "matterChecks"));
      String format = string(o, "format", "", true);
      if (!FORMAT.equals(format)) {
        throw new RuleSetException("format", "应为 \"" + FORMAT + "\"，实为 \"" + format + "\"");
      }
      String matter = string(o, "matter", "", true);
      String version = string(o, "version", "", true);
      JsonArray ms = array(o, "materials", "", true);
      if (ms.isEmpty()) {
        throw new RuleSetException("materials", "至少要有一项材料");
      }
      List<MaterialRule> materials = new ArrayList<>();
      for (int i = 0; i < ms.size(); i++) {
        materials.add(material(ms.get(i), "materials[" + i + "]"));
      }
      List<CheckSpec> matterChecks = new ArrayList<>();
      JsonArray mc = array(o, "matterChecks", "", false);
      if (mc != null) {
        for (int i = 0; i < mc.size(); i++) {
          matterChecks.add(check(mc.get(i), "matterChecks[" + i + "]", MATTER_CHECKS));
        }
      }
      return new RuleSet(matter, version, materials, matterChecks);
    }

    MaterialRule material(JsonValue v, String path) {
      JsonObject o = object(v, path);
      only(o, path, Set.of("code", "name", "required", "commitable", "acceptedTypes", "maxBytes",
          "maxPages", "form", "checks", "nameEn"));
      String code = string(o, "code", path, true);
      if (!code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
        throw new RuleSetException(path + ".code",
            "材料编码只能由字母、数字、点、下划线和连字符组成（至多 64 个字符），实为 \"" + code + "\"");
      }
      if (!codes.add(code)) {
        throw new RuleSetException(path + ".code", "材料编码 \"" + code + "\" 重复");
      }
      String name = string(o, "name", path, true);
      String nameEn = string(o, "nameEn", path, false);
      if (nameEn != null && nameEn.length() > MAX_NAME_EN) {
        throw new RuleSetException(path + ".nameEn", "英文名称至多 " + MAX_NAME_EN + " 个字符");
      }
      boolean required = bool(o, "required", path, true);
      boolean commitable = bool(o, "commitable", path, false);
      boolean form = bool(o, "form", path, false);
      List<String> types = new ArrayList<>();
      JsonArray ts = array(o, "acceptedTypes", path, true);
      if (ts.isEmpty()) {
        throw new RuleSetException(path + ".acceptedTypes", "至少要接受一种格式");
      }
      for (int i = 0; i < ts.size(); i++) {
        types.add(string(ts.get(i), path + ".acceptedTypes[" + i + "]"));
      }
      long maxBytes = number(o, "maxBytes", path, 0, 0);
      long maxPages = number(o, "maxPages", path, 0, 0);
      if (maxPages > Integer.MAX_VALUE) {
        throw new RuleSetException(path + ".maxPages", "数值过大");
      }
      List<CheckSpec> checks = new ArrayList<>();
      JsonArray cs = array(o, "checks", path, false);
      if (cs != null) {
        for (int i = 0; i < cs.size(); i++) {
          checks.add(check(cs.get(i), path + ".checks[" + i + "]", MATERIAL_CHECKS));
        }
      }
      return new MaterialRule(new MaterialRequirement(code, name, required, commitable,
          List.copyOf(types), maxBytes, (int) maxPages, form, nameEn), checks);
    }

    CheckSpec check(JsonValue v, String path, Map<String, Map<String, Kind>> library) {
      JsonObject o = object(v, path);
      String type = string(o, "type", path, true);
      Map<String, Kind> params = library.get(type);
      if (params == null) {
        throw new RuleSetException(path + ".type", "未知的检查类型 \"" + type + "\"，可用的有："
            + String.join("、", new java.util.TreeSet<>(library.keySet())));
      }
      Set<String> allowed = new HashSet<>(params.keySet());
      allowed.addAll(Set.of("type", "severity", "when", "hint"));
      only(o, path, allowed);
      Severity severity = Severity.BLOCKING;
      if (o.containsKey("severity")) {
        String s = string(o, "severity", path, true);
        try {
          severity = Severity.valueOf(s);
        } catch (IllegalArgumentException e) {
          throw new RuleSetException(path + ".severity", "应为 BLOCKING 或 WARNING，实为 \"" + s + "\"");
        }
      }
      Condition when = o.containsKey("when") ? condition(o.get("when"), path + ".when") : null;
      if (when != null && library == MATTER_CHECKS) {
        throw new RuleSetException(path + ".when", "事项级检查不支持条件");
      }
      String hint = o.containsKey("hint") ? string(o, "hint", path, true) : null;
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, Kind> p : params.entrySet()) {
        String name = p.getKey();
        String at = path + "." + name;
        if (!o.containsKey(name)) {
          if (MANDATORY.getOrDefault(type, Set.of()).contains(name)) {
            throw new RuleSetException(at, "缺少必填参数");
          }
          continue;
        }
        JsonValue pv = o.get(name);
        values.put(name, switch (p.getValue()) {
          case BOOLEAN -> bool(o, name, path, true);
          case COUNT -> number(o, name, path, 0, 0);
          case POSITIVE -> number(o, name, path, 1, 0);
          case STRINGS -> strings(pv, at, false);
          case MATERIALS -> materialCodes(pv, at);
          case CHECKS -> {
            JsonArray a = array(pv, at);
            if (a.size() < 2) {
              throw new RuleSetException(at, "anyOf 至少要有两项检查");
            }
            List<CheckSpec> children = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
              children.add(check(a.get(i), at + "[" + i + "]", library));
            }
            yield List.copyOf(children);
          }
        });
      }
      if (type.equals("keywords") && !values.containsKey("all") && !values.containsKey("any")) {
        throw new RuleSetException(path, "keywords 检查须给出 all 或 any（关键词列表）");
      }
      return new CheckSpec(type, severity, when, values, hint, path);
    }

    Condition condition(JsonValue v, String path) {
      JsonObject o = object(v, path);
      if (o.isEmpty()) {
        throw new RuleSetException(path, "条件不能为空");
      }
      List<Condition> parts = new ArrayList<>();
      for (String key : o.keySet()) {
        String at = path + "." + key;
        JsonValue x = o.get(key);
        parts.add(switch (key) {
          case "pagesAtLeast" -> new Condition.PagesAtLeast((int) number(o, key, path, 1, 0));
          case "pagesAtMost" -> new Condition.PagesAtMost((int) number(o, key, path, 1, 0));
          case "hasTextLayer" -> new Condition.HasTextLayer(bool(o, key, path, true));
          case "ocr" -> new Condition.Ocr(bool(o, key, path, true));
          case "types" -> new Condition.Types(strings(x, at, false));
          case "all", "any" -> {
            JsonArray a = array(x, at);
            if (a.isEmpty()) {
              throw new RuleSetException(at, "至少要有一个条件");
            }
            List<Condition> cs = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
              cs.add(condition(a.get(i), at + "[" + i + "]"));
            }
            yield key.equals("all") ? new Condition.All(cs) : new Condition.Any(cs);
          }
          case "not" -> new Condition.Not(condition(x, at));
          default -> throw new RuleSetException(at, "未知的条件，可用的有：pagesAtLeast、pagesAtMost、"
              + "hasTextLayer、ocr、types、all、any、not");
        });
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.All(parts);
    }

    List<String> materialCodes(JsonValue v, String path) {
      List<String> list = strings(v, path, false);
      if (list.size() < 2) {
        throw new RuleSetException(path, "至少要列出两项材料");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!codes.contains(list.get(i))) {
          throw new RuleSetException(path + "[" + i + "]",
              "材料 \"" + list.get(i) + "\" 不在 materials 中");
        }
      }
      return list;
    }

    // ---- typed access ------------------------------------------------------------------------

    static void only(JsonObject o, String path, Set<String> allowed) {
      for (String key : o.keySet()) {
        if (!allowed.contains(key)) {
          throw new RuleSetException(join(path, key), "未知的字段，此处可用的有："
              + String.join("、", new java.util.TreeSet<>(allowed)));
        }
      }
    }

    static JsonObject object(JsonValue v, String path) {
      if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new RuleSetException(path, "应为 JSON 对象 {...}");
      }
      return v.asJsonObject();
    }

    static JsonArray array(JsonValue v, String path) {
      if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new RuleSetException(path, "应为数组 [...]");
      }
      return v.asJsonArray();
    }

    static JsonArray array(JsonObject o, String key, String path, boolean mandatory) {
      if (!o.containsKey(key)) {
        if (mandatory) {
          throw new RuleSetException(join(path, key), "缺少必填字段");
        }
        return null;
      }
      return array(o.get(key), join(path, key));
    }

    static String string(JsonValue v, String path) {
      if (!(v instanceof JsonString s) || s.getString().isBlank()) {
        throw new RuleSetException(path, "应为非空字符串");
      }
      return s.getString().strip();
    }

    static String string(JsonObject o, String key, String path, boolean mandatory) {
      if (!o.containsKey(key)) {
        if (mandatory) {
          throw new RuleSetException(join(path, key), "缺少必填字段");
        }
        return null;
      }
      return string(o.get(key), join(path, key));
    }

    static List<String> strings(JsonValue v, String path, boolean emptyAllowed) {
      JsonArray a = array(v, path);
      if (a.isEmpty() && !emptyAllowed) {
        throw new RuleSetException(path, "列表不能为空");
      }
      List<String> r = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        r.add(string(a.get(i), path + "[" + i + "]"));
      }
      return List.copyOf(r);
    }

    static boolean bool(JsonObject o, String key, String path, boolean mandatory) {
      if (!o.containsKey(key)) {
        if (mandatory) {
          throw new RuleSetException(join(path, key), "缺少必填字段");
        }
        return false;
      }
      JsonValue v = o.get(key);
      if (v == JsonValue.TRUE) {
        return true;
      }
      if (v == JsonValue.FALSE) {
        return false;
      }
      throw new RuleSetException(join(path, key), "应为 true 或 false");
    }

    /** A whole number at least {@code min}; {@code otherwise} when absent. */
    static long number(JsonObject o, String key, String path, long min, long otherwise) {
      if (!o.containsKey(key)) {
        return otherwise;
      }
      JsonValue v = o.get(key);
      if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
        throw new RuleSetException(join(path, key), "应为整数");
      }
      long value;
      try {
        value = n.longValueExact();
      } catch (ArithmeticException e) {
        throw new RuleSetException(join(path, key), "数值过大");
      }
      if (value < min) {
        throw new RuleSetException(join(path, key), "应不小于 " + min + "，实为 " + value);
      }
      return value;
    }

    static String join(String path, String key) {
      return path == null || path.isEmpty() ? key : path + "." + key;
    }
  }
}
