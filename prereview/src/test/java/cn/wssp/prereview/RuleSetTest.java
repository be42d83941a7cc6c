package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule-set format of RULES.md: the documented example parses, bad documents are refused. */
class RuleSetTest {

  /** The JSON example of RULES.md, so the documentation cannot drift from the parser. */
  static String documentedExample() throws IOException {
    String md = Files.readString(Path.of("RULES.md"), StandardCharsets.UTF_8);
    int start = md.indexOf("```json\n") + "```json\n".length();
    return md.substring(start, md.indexOf("```", start));
  }

  @Test
  void documentedExampleParses() throws IOException {
    RuleSet rules = RuleSet.parse(documentedExample());
    assertEquals("食品经营许可（新办）", rules.matter());
    assertEquals("2026-03-01.1", rules.version());
    assertEquals(List.of("business-license", "application-form", "legal-rep-id", "loss-statement",
        "lease"), rules.materials().stream().map(MaterialRule::code).toList());
    MaterialRule license = rules.materials().get(0);
    assertEquals(new MaterialRequirement("business-license", "营业执照副本", true, false,
        List.of("application/pdf", "image/png", "image/jpeg"), 10485760, 2, false,
        "Business licence (duplicate)"), license.requirement());
    assertEquals(List.of("keywords", "creditCode", "enterpriseName", "expiry"),
        license.checks().stream().map(CheckSpec::type).toList());
    CheckSpec keywords = license.checks().get(0);
    assertEquals(List.of("营业执照", "统一社会信用代码"), keywords.strings("all"));
    assertEquals("请上传营业执照副本的完整扫描件或电子营业执照。", keywords.hint());
    assertEquals(Severity.WARNING, license.checks().get(2).severity());
    assertEquals("materials[0].checks[3]", license.checks().get(3).path());

    MaterialRule form = rules.materials().get(1);
    assertEquals(new Condition.HasTextLayer(true), form.checks().get(2).when());
    assertInstanceOf(Condition.All.class, form.checks().get(3).when());
    assertEquals(10L, form.checks().get(3).number("max", 0));

    MaterialRule loss = rules.materials().get(3);
    assertFalse(loss.requirement().required());
    assertTrue(loss.requirement().commitable());
    assertEquals(0, loss.requirement().maxBytes());

    CheckSpec anyOf = rules.materials().get(4).checks().get(0);
    assertEquals(List.of("signature", "keywords"),
        anyOf.children().stream().map(CheckSpec::type).toList());
    assertEquals(2, rules.matterChecks().size());
    assertEquals(List.of("business-license", "application-form"),
        rules.matterChecks().get(0).strings("materials"));
    assertThrows(UnsupportedOperationException.class, () -> rules.materials().clear());
  }

  private static String minimal(String materialExtra, String checks) {
    return """
        {"format": "wssp-prereview-rules/1", "matter": "测试", "version": "1",
         "materials": [{"code": "a", "name": "甲", "required": true,
                        "acceptedTypes": ["application/pdf"]%s,
                        "checks": [%s]},
                       {"code": "b", "name": "乙", "required": false,
                        "acceptedTypes": ["pdf"]}]}
        """.formatted(materialExtra, checks);
  }

  private static RuleSetException refused(String json) {
    return assertThrows(RuleSetException.class, () -> RuleSet.parse(json));
  }

  @Test
  void aMaterialMayBeNamedInEnglish() {
    RuleSet named = RuleSet.parse(minimal(", \"nameEn\": \" Floor plan \"", ""));
    assertEquals("Floor plan", named.materials().get(0).requirement().nameEn());
    assertNull(named.materials().get(1).requirement().nameEn(), "none given: the Chinese shows");
    RuleSetException tooLong = refused(minimal(", \"nameEn\": \"" + "x".repeat(201) + "\"", ""));
    assertEquals("materials[0].nameEn", tooLong.path());
    assertTrue(tooLong.getMessage().contains("200"), tooLong.getMessage());
    assertEquals("materials[0].nameEn", refused(minimal(", \"nameEn\": \" \"", "")).path());
  }

  @Test
  void minimalRuleSetParses() {
    RuleSet r = RuleSet.parse(minimal("", ""));
    assertEquals(2, r.materials().size());
    assertTrue(r.materials().get(0).checks().isEmpty());
  }

  @Test
  void syntaxErrorsNameTheLineAndColumn() {
    RuleSetException e = refused("{\n  \"format\": \"wssp-prereview-rules/1\",\n  \"matter\": }");
    assertTrue(e.getMessage().startsWith("规则集无效：第 3 行第 "), e.getMessage());
    assertTrue(e.getMessage().contains("不是合法的 JSON"), e.getMessage());
  }

  @Test
  void badFieldsAreNamedByTheirPath() {
    assertEquals("materials[0].checks[0].severity", refused(minimal("",
        "{\"type\": \"signature\", \"severity\": \"FATAL\"}")).path());
    RuleSetException unknownType = refused(minimal("", "{\"type\": \"magic\"}"));
    assertEquals("materials[0].checks[0].type", unknownType.path());
    assertTrue(unknownType.getMessage().contains("未知的检查类型 \"magic\""),
        unknownType.getMessage());
    assertTrue(unknownType.getMessage().contains("creditCode"), unknownType.getMessage());
    assertEquals("materials[0].checks[0].alll", refused(minimal("",
        "{\"type\": \"keywords\", \"alll\": [\"x\"]}")).path());
    assertEquals("materials[0].checks[0]", refused(minimal("", "{\"type\": \"keywords\"}")).path());
    assertEquals("materials[0].checks[0].all[0]", refused(minimal("",
        "{\"type\": \"keywords\", \"all\": [\" \"]}")).path());
    assertEquals("materials[0].checks[0].max", refused(minimal("", "{\"type\": \"pageLimit\"}"))
        .path());
    assertEquals("materials[0].checks[0].max", refused(minimal("",
        "{\"type\": \"pageLimit\", \"max\": 0}")).path());
    assertEquals("materials[0].checks[0].when.pagesAtLeast", refused(minimal("",
        "{\"type\": \"signature\", \"when\": {\"pagesAtLeast\": \"two\"}}")).path());
    assertEquals("materials[0].checks[0].when.sometimes", refused(minimal("",
        "{\"type\": \"signature\", \"when\": {\"sometimes\": true}}")).path());
    assertEquals("materials[0].checks[0].checks", refused(minimal("",
        "{\"type\": \"anyOf\", \"checks\": [{\"type\": \"signature\"}]}")).path());
    assertEquals("materials[0].maxBytes", refused(minimal(", \"maxBytes\": -1", "")).path());
    assertEquals("materials[0].maxPages", refused(minimal(", \"maxPages\": 1.5", "")).path());
    assertEquals("materials[0].commitable", refused(minimal(", \"commitable\": \"yes\"", ""))
        .path());
  }

  @Test
  void documentLevelMistakes() {
    assertEquals("format", refused("{\"format\": \"v2\", \"matter\": \"x\", \"version\": \"1\", "
        + "\"materials\": []}").path());
    assertEquals("materials", refused("{\"format\": \"wssp-prereview-rules/1\", \"matter\": \"x\", "
        + "\"version\": \"1\", \"materials\": []}").path());
    assertEquals("version", refused("{\"format\": \"wssp-prereview-rules/1\", \"matter\": \"x\", "
        + "\"materials\": []}").path());
    assertEquals("", refused("[1, 2]").path());
    String duplicate = minimal("", "").replace("\"code\": \"b\"", "\"code\": \"a\"");
    RuleSetException e = refused(duplicate);
    assertEquals("materials[1].code", e.path());
    assertTrue(e.getMessage().contains("重复"), e.getMessage());
  }

  @Test
  void matterChecksNameExistingMaterials() {
    String base = minimal("", "");
    String ok = base.substring(0, base.lastIndexOf('}'))
        + ", \"matterChecks\": [{\"type\": \"sameCreditCode\", \"materials\": [\"a\", \"b\"]}]}";
    assertEquals(1, RuleSet.parse(ok).matterChecks().size());
    RuleSetException e = refused(ok.replace("[\"a\", \"b\"]", "[\"a\", \"c\"]"));
    assertEquals("matterChecks[0].materials[1]", e.path());
    assertTrue(e.getMessage().contains("\"c\" 不在 materials 中"), e.getMessage());
  }

  @Test
  void requirementListsBecomeARuleSetWithoutContentChecks() {
    RuleSet r = RuleSet.fromRequirements(List.of(Samples.license(), Samples.license()));
    assertEquals("requirements", r.version());
    assertEquals(1, r.materials().size());
    assertEquals(Samples.license(), r.requirements().get(0));
  }
}
