package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.APPLICANT_CODE;
import static cn.wssp.prereview.Samples.APPLICANT_NAME;
import static cn.wssp.prereview.Samples.BAD_CHECK_DIGIT_CODE;
import static cn.wssp.prereview.Samples.OTHER_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step three alone: each check of the library on hand-made page texts (no parsing). */
class CheckLibraryTest {
  static final Applicant APPLICANT = new Applicant(APPLICANT_NAME, APPLICANT_CODE);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  static Inspection inspection(boolean signed, PageText... pages) {
    String text = String.join("\n", List.of(pages).stream().map(PageText::text).toList());
    FileFacts facts = new FileFacts("application/pdf", "application/pdf", pages.length, false,
        false, text.length());
    return new Inspection(facts, 1000, false, false, "application/pdf", false, null, null, text,
        false, Inspection.OcrStatus.NOT_NEEDED, null, List.of(pages), signed, null);
  }

  static Inspection pages(String... texts) {
    List<PageText> ps = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      ps.add(new PageText(i + 1, texts[i], null));
    }
    return inspection(false, ps.toArray(PageText[]::new));
  }

  static RuleSet rules(String checks) {
    return RuleSet.parse("""
        {"format": "wssp-prereview-rules/1", "matter": "测试", "version": "t1",
         "materials": [{"code": "a", "name": "营业执照副本", "required": true,
                        "acceptedTypes": ["application/pdf"], "checks": [%s]}]}
        """.formatted(checks));
  }

  static List<Finding> run(String checks, Inspection i) {
    return run(checks, i, APPLICANT);
  }

  static List<Finding> run(String checks, Inspection i, Applicant applicant) {
    RuleSet r = rules(checks);
    CheckContext ctx = new CheckContext(r.materials().get(0).requirement(),
        Samples.file("a", "执照.pdf", new byte[] {1}), 1 << 20, f -> i, applicant, TODAY);
    for (MaterialCheck c : CheckLibrary.material(r.materials().get(0).checks())) {
      c.check(ctx);
    }
    return ctx.findings();
  }

  static Finding only(List<Finding> findings, FindingCode code) {
    assertEquals(1, findings.size(), findings::toString);
    assertEquals(code, findings.get(0).code(), findings::toString);
    return findings.get(0);
  }

  @Test
  void checkDigits() {
    assertTrue(Identifiers.validCreditCode(APPLICANT_CODE));
    assertTrue(Identifiers.validCreditCode(OTHER_CODE));
    assertTrue(Identifiers.validCreditCode("91350100M000100Y43"));
    assertFalse(Identifiers.validCreditCode(BAD_CHECK_DIGIT_CODE));
    assertFalse(Identifiers.validCreditCode("91330106MA2B1C2D3"));
    assertFalse(Identifiers.validCreditCode("91330106MA2B1C2DOC"), "O is not used");
    assertNull(Identifiers.idNumberProblem("11010519491231002X", TODAY));
    assertNull(Identifiers.idNumberProblem("350102199003071234", TODAY));
    assertEquals("校验码不正确", Identifiers.idNumberProblem("110105194912310021", TODAY));
    assertEquals("出生日期 19490231 不是有效日期",
        Identifiers.idNumberProblem(withCheckDigit("11010519490231002"), TODAY));
    assertEquals("出生日期在今天之后",
        Identifiers.idNumberProblem(withCheckDigit("11010520300101002"), TODAY));
    assertEquals("出生日期早于 130 年前",
        Identifiers.idNumberProblem(withCheckDigit("11010518800101002"), TODAY));
  }

  static String withCheckDigit(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  @Test
  void creditCode() {
    String check = "{\"type\": \"creditCode\"}";
    assertTrue(run(check, pages("营业执照", "统一社会信用代码：" + APPLICANT_CODE)).isEmpty());

    Finding other = only(run(check, pages("营业执照", "统一社会信用代码 " + OTHER_CODE)),
        FindingCode.CREDIT_CODE_MISMATCH);
    assertEquals(Severity.BLOCKING, other.severity());
    assertEquals("a", other.materialCode());
    assertEquals(2, other.evidence().page());
    assertTrue(other.evidence().snippet().contains(OTHER_CODE), other.evidence()::toString);
    assertNull(other.evidence().ocrConfidence());
    assertTrue(other.message().contains(OTHER_CODE) && other.message().contains(APPLICANT_CODE)
        && other.message().contains("「营业执照副本」") && other.message().contains("（见第 2 页）"),
        other.message());

    Finding bad = only(run(check, pages("统一社会信用代码 " + BAD_CHECK_DIGIT_CODE)),
        FindingCode.CREDIT_CODE_INVALID);
    assertTrue(bad.message().contains("校验位不正确"), bad.message());

    // full-width characters and OCR's spaces
    assertTrue(run(check, pages("统 一 社 会 信 用 代 码 ： ９１３３０１０６ＭＡ２Ｂ１Ｃ２Ｄ３Ｃ")).isEmpty());
    // unknown applicant code: only the check digit is judged
    assertTrue(run(check, pages("代码 " + OTHER_CODE), new Applicant(APPLICANT_NAME, null))
        .isEmpty());
    assertEquals(FindingCode.KEYWORD_MISSING, only(run(check, pages("营业执照")),
        FindingCode.KEYWORD_MISSING).code());
    assertTrue(run("{\"type\": \"creditCode\", \"required\": false}", pages("营业执照")).isEmpty());
    assertTrue(run("{\"type\": \"creditCode\", \"matchApplicant\": false}",
        pages("统一社会信用代码 " + OTHER_CODE)).isEmpty());
    // a resident ID number is not taken for a credit code
    assertEquals(FindingCode.KEYWORD_MISSING, only(run(check, pages("身份证 11010519491231002X")),
        FindingCode.KEYWORD_MISSING).code());
  }

  @Test
  void idNumber() {
    String check = "{\"type\": \"idNumber\", \"required\": true}";
    assertTrue(run(check, pages("公民身份号码 11010519491231002X")).isEmpty());
    Finding f = only(run(check, pages("姓名 张三", "公民身份号码 110105194912310021")),
        FindingCode.ID_NUMBER_INVALID);
    assertEquals(2, f.evidence().page());
    assertTrue(f.message().contains("110105194912310021") && f.message().contains("校验码不正确"),
        f.message());
    only(run(check, pages("出生 " + withCheckDigit("11010520300101002"))),
        FindingCode.ID_NUMBER_INVALID);
    only(run(check, pages("姓名 张三")), FindingCode.KEYWORD_MISSING);
    assertTrue(run("{\"type\": \"idNumber\"}", pages("姓名 张三")).isEmpty());
  }

  @Test
  void expiry() {
    String check = "{\"type\": \"expiry\"}";
    Finding expired = only(run(check, pages("许可证", "有效期至2020年1月1日")), FindingCode.EXPIRED);
    assertEquals(2, expired.evidence().page());
    assertTrue(expired.evidence().snippet().contains("有效期至2020年1月1日"));
    assertTrue(expired.message().contains("2020年1月1日") && expired.message().contains("已过期"),
        expired.message());
    assertTrue(run(check, pages("营业期限 2018年03月01日至长期")).isEmpty());
    assertTrue(run(check, pages("有效期：长期")).isEmpty());
    assertTrue(run(check, pages("有效期：2020年1月1日至2027年12月31日")).isEmpty());
    assertTrue(run(check, pages("有效期至 2027 年 12 月 31 日")).isEmpty());
    only(run(check, pages("有效期：2019年1月1日至2026-05-31")), FindingCode.EXPIRED);
    only(run(check, pages("有效期：2026年5月31日")), FindingCode.EXPIRED);
    assertTrue(run(check, pages("发证日期 2020年1月1日")).isEmpty(), "no validity, not required");
    only(run("{\"type\": \"expiry\", \"required\": true}", pages("发证日期 2020年1月1日")),
        FindingCode.KEYWORD_MISSING);
    Finding soon = only(run("{\"type\": \"expiry\", \"minDaysValid\": 30}",
        pages("有效期至2026年6月10日")), FindingCode.EXPIRED);
    assertTrue(soon.message().contains("不足 30 天"), soon.message());
  }

  @Test
  void keywordsWithHintAndOcrEvidence() {
    String check = "{\"type\": \"keywords\", \"all\": [\"遗失\"], \"any\": [\"声明作废\", \"特此声明\"],"
        + " \"hint\": \"遗失声明须写明遗失的证照名称并声明作废。\"}";
    assertTrue(run(check, pages("本单位遗失营业执照副本，特此声明")).isEmpty());
    Inspection floorPlan = inspection(false, new PageText(1, "一层平面图 1:100 厨房 仓库", 71.5));
    List<Finding> f = run(check, floorPlan);
    assertEquals(2, f.size(), f::toString);
    assertEquals(FindingCode.KEYWORD_MISSING, f.get(0).code());
    assertTrue(f.get(0).message().contains("未找到“遗失”"), f.get(0).message());
    assertTrue(f.get(0).message().endsWith("遗失声明须写明遗失的证照名称并声明作废。"));
    assertTrue(f.get(1).message().contains("“声明作废”、“特此声明”中的任何一项"));
    assertEquals(71.5, f.get(0).evidence().ocrConfidence());
    assertNull(f.get(0).evidence().page());
  }

  @Test
  void enterpriseNameSignatureAnyOfAndConditions() {
    String name = "{\"type\": \"enterpriseName\", \"severity\": \"WARNING\"}";
    assertTrue(run(name, pages("名称 杭州示例食品有限公司")).isEmpty());
    assertTrue(run("{\"type\": \"enterpriseName\"}",
        pages("名称：杭州示例食品（滨江）有限公司"),
        new Applicant("杭州示例食品(滨江)有限公司", null)).isEmpty(), "bracket widths");
    Finding n = only(run(name, pages("名称 上海别家贸易有限公司")), FindingCode.ENTERPRISE_NAME_MISMATCH);
    assertEquals(Severity.WARNING, n.severity());
    assertTrue(n.evidence().snippet().contains("上海别家贸易有限公司"));

    only(run("{\"type\": \"signature\"}", pages("合同")), FindingCode.SIGNATURE_MISSING);
    assertTrue(run("{\"type\": \"signature\"}", inspection(true, new PageText(1, "合同", null)))
        .isEmpty());

    String anyOf = "{\"type\": \"anyOf\", \"severity\": \"WARNING\", \"checks\": ["
        + "{\"type\": \"signature\"}, {\"type\": \"keywords\", \"any\": [\"盖章\"]}]}";
    assertTrue(run(anyOf, pages("甲方（盖章）")).isEmpty());
    Finding none = only(run(anyOf, pages("合同")), FindingCode.SIGNATURE_MISSING);
    assertEquals(Severity.WARNING, none.severity());

    String when = "{\"type\": \"signature\", \"when\": {\"pagesAtLeast\": 2}}";
    assertTrue(run(when, pages("一页")).isEmpty());
    only(run(when, pages("一页", "两页")), FindingCode.SIGNATURE_MISSING);
    String textLayer = "{\"type\": \"signature\", \"when\": {\"hasTextLayer\": true}}";
    assertTrue(run(textLayer, inspection(false, new PageText(1, "扫描", 80.0))).isEmpty());
    only(run("{\"type\": \"pageLimit\", \"max\": 1}", pages("一", "二")),
        FindingCode.TOO_MANY_PAGES);
  }

  @Test
  void matterLevelCreditCodes() {
    RuleSet r = RuleSet.parse("""
        {"format": "wssp-prereview-rules/1", "matter": "测试", "version": "t1",
         "materials": [{"code": "license", "name": "营业执照", "required": true,
                        "acceptedTypes": ["pdf"]},
                       {"code": "form", "name": "申请书", "required": true,
                        "acceptedTypes": ["pdf"]}],
         "matterChecks": [{"type": "sameCreditCode", "materials": ["license", "form"]},
                          {"type": "sameEnterpriseName", "materials": ["license", "form"],
                           "severity": "WARNING"}]}
        """);
    Inspection license = pages("统一社会信用代码 " + APPLICANT_CODE + " 名称 " + APPLICANT_NAME);
    Inspection form = pages("申请书", "统一社会信用代码 " + OTHER_CODE);
    List<Finding> f = CheckLibrary.matter(r.matterChecks().get(0), r,
        Map.of("license", license, "form", form), APPLICANT);
    Finding mismatch = only(f, FindingCode.CREDIT_CODE_MISMATCH);
    assertEquals("form", mismatch.materialCode());
    assertEquals(2, mismatch.evidence().page());
    assertTrue(mismatch.message().contains("「申请书」") && mismatch.message().contains("「营业执照」"),
        mismatch.message());
    assertTrue(CheckLibrary.matter(r.matterChecks().get(0), r,
        Map.of("license", license, "form", license), APPLICANT).isEmpty());
    Finding name = only(CheckLibrary.matter(r.matterChecks().get(1), r,
        Map.of("license", license, "form", form), APPLICANT), FindingCode.ENTERPRISE_NAME_MISMATCH);
    assertEquals("form", name.materialCode());
    assertEquals(Severity.WARNING, name.severity());
    assertTrue(CheckLibrary.matter(r.matterChecks().get(0), r, Map.of("license", license),
        APPLICANT).isEmpty(), "a material without a file is skipped");
  }
}
