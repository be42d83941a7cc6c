package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.APPLICANT_CODE;
import static cn.wssp.prereview.Samples.APPLICANT_NAME;
import static cn.wssp.prereview.Samples.BAD_CHECK_DIGIT_CODE;
import static cn.wssp.prereview.Samples.OTHER_CODE;
import static cn.wssp.prereview.Samples.PERPETUAL;
import static cn.wssp.prereview.Samples.file;
import static cn.wssp.prereview.Samples.licenceLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pre-review of a matter by the rule set of RULES.md, end to end on generated files (in
 * process, for speed; IsolationTest covers the worker JVM).
 */
class RuleReviewTest {
  static final String LICENSE = "business-license";
  static final Applicant APPLICANT = new Applicant(APPLICANT_NAME, APPLICANT_CODE);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  private static PreReviewer reviewer;
  private static RuleSet rules;

  @BeforeAll
  static void start() throws IOException {
    reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false));
    rules = RuleSet.parse(RuleSetTest.documentedExample());
  }

  @AfterAll
  static void stop() {
    reviewer.close();
  }

  static PreReviewResult review(SubmittedFile... files) {
    return reviewer.review(rules, APPLICANT, TODAY, List.of(files));
  }

  /** The findings about one material (the others are missing in most of these tests). */
  static List<Finding> of(PreReviewResult r, String material) {
    return r.findings().stream().filter(f -> material.equals(f.materialCode())).toList();
  }

  static Set<FindingCode> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).collect(Collectors.toSet());
  }

  static SubmittedFile licencePdf(String code, String validity) {
    return file(LICENSE, "营业执照.pdf",
        Samples.chinesePdf(licenceLines(APPLICANT_NAME, code, validity)));
  }

  @Test
  void soundLicencePassesAndTheVersionIsRecorded() {
    PreReviewResult r = review(licencePdf(APPLICANT_CODE, PERPETUAL));
    assertEquals(List.of(), of(r, LICENSE));
    assertEquals("2026-03-01.1", r.ruleSetVersion());
    // the other required materials are missing
    assertEquals(Verdict.INCOMPLETE, r.verdict());
  }

  @Test
  void licenceOfAnotherEnterprise() {
    List<Finding> f = of(review(licencePdf(OTHER_CODE, PERPETUAL)), LICENSE);
    assertEquals(Set.of(FindingCode.CREDIT_CODE_MISMATCH), codes(f), f::toString);
    Finding m = f.get(0);
    assertEquals(Severity.BLOCKING, m.severity());
    assertEquals(1, m.evidence().page());
    assertTrue(m.evidence().snippet().contains(OTHER_CODE), m.evidence()::toString);
    assertTrue(m.evidence().snippet().length() <= 80);
  }

  @Test
  void invalidCheckDigit() {
    assertEquals(Set.of(FindingCode.CREDIT_CODE_INVALID),
        codes(of(review(licencePdf(BAD_CHECK_DIGIT_CODE, PERPETUAL)), LICENSE)));
  }

  @Test
  void expiredAndPerpetualLicences() {
    List<Finding> f = of(review(licencePdf(APPLICANT_CODE, "有效期至2020年1月1日")), LICENSE);
    assertEquals(Set.of(FindingCode.EXPIRED), codes(f), f::toString);
    assertTrue(f.get(0).evidence().snippet().contains("有效期至2020年1月1日"));
    assertEquals(List.of(), of(review(licencePdf(APPLICANT_CODE, "有效期 长期")), LICENSE));
  }

  @Test
  void plainTextNamedPdfIsBlocking() {
    byte[] text = String.join("\n", licenceLines(APPLICANT_NAME, APPLICANT_CODE, PERPETUAL))
        .getBytes(StandardCharsets.UTF_8);
    PreReviewResult r = reviewer.review(rules, APPLICANT, TODAY,
        List.of(file("application-form", "申请书.pdf", text)));
    List<Finding> f = of(r, "application-form");
    assertEquals(Set.of(FindingCode.TYPE_MISMATCH, FindingCode.TYPE_NOT_ACCEPTED), codes(f),
        f::toString);
    assertTrue(f.stream().allMatch(x -> x.severity() == Severity.BLOCKING), f::toString);
    assertTrue(f.get(0).message().contains("纯文本"), f.get(0).message());
    assertEquals(Verdict.INCOMPLETE, r.verdict());
  }

  @Test
  void idNumberWithAWrongCheckDigit() {
    SubmittedFile id = file("legal-rep-id", "身份证.pdf",
        Samples.chinesePdf(List.of("居民身份证", "姓名 张三", "公民身份号码 110105194912310021")));
    List<Finding> f = of(review(id), "legal-rep-id");
    assertEquals(Set.of(FindingCode.ID_NUMBER_INVALID), codes(f), f::toString);
    SubmittedFile good = file("legal-rep-id", "身份证.pdf",
        Samples.chinesePdf(List.of("居民身份证", "公民身份号码 11010519491231002X")));
    assertEquals(List.of(), of(review(good), "legal-rep-id"));
  }

  @Test
  void applicationFormOfAnotherEnterpriseThanTheLicence() {
    SubmittedFile form = file("application-form", "申请书.pdf", Samples.signedPdf(List.of(
        "食品经营许可申请书", "申请人 " + APPLICANT_NAME, "统一社会信用代码 " + OTHER_CODE)));
    PreReviewResult r = review(licencePdf(APPLICANT_CODE, PERPETUAL), form);
    List<Finding> f = of(r, "application-form");
    // its own check against the applicant, and the matter check against the licence
    assertEquals(2, f.size(), f::toString);
    assertEquals(Set.of(FindingCode.CREDIT_CODE_MISMATCH), codes(f));
    assertTrue(f.stream().anyMatch(x -> x.message().contains("「营业执照副本」")), f::toString);
  }

  @Test
  void unsignedFormGetsAWarningOnly() {
    SubmittedFile form = file("application-form", "申请书.pdf", Samples.chinesePdf(List.of(
        "食品经营许可申请书", "申请人 " + APPLICANT_NAME, "统一社会信用代码 " + APPLICANT_CODE)));
    List<Finding> f = of(review(form), "application-form");
    assertEquals(Set.of(FindingCode.SIGNATURE_MISSING), codes(f), f::toString);
    assertEquals(Severity.WARNING, f.get(0).severity());
  }

  @Test
  void licenceAsAnImageIsReadByOcrWithItsConfidence() {
    assumeTrue(reviewer.ocrAvailable(), reviewer::ocrStatus);
    List<String> lines = licenceLines(APPLICANT_NAME, OTHER_CODE, PERPETUAL);
    assumeTrue(Samples.fontFor(String.join("", lines), 40) != null, "no CJK font");
    List<Finding> f = of(review(file(LICENSE, "营业执照.png", Samples.chineseImage(lines))), LICENSE);
    assertEquals(Set.of(FindingCode.CREDIT_CODE_MISMATCH), codes(f), f::toString);
    Evidence e = f.get(0).evidence();
    assertEquals(1, e.page());
    assertNotNull(e.ocrConfidence());
    assertTrue(e.ocrConfidence() > 50 && e.ocrConfidence() <= 100, e::toString);
    assertTrue(f.get(0).message().contains("文字识别置信度"), f.get(0).message());

    List<String> own = licenceLines(APPLICANT_NAME, APPLICANT_CODE, PERPETUAL);
    assertEquals(List.of(), of(review(file(LICENSE, "营业执照.png", Samples.chineseImage(own))),
        LICENSE));
  }

  @Test
  void floorPlanIsNoLossStatement() {
    assumeTrue(reviewer.ocrAvailable(), reviewer::ocrStatus);
    List<String> plan = List.of("一层平面图  比例 1:100", "厨房  仓库  卫生间", "面积 120 平方米");
    assumeTrue(Samples.fontFor(String.join("", plan), 40) != null, "no CJK font");
    PreReviewResult r = review(file("loss-statement", "遗失声明.png", Samples.chineseImage(plan)));
    List<Finding> f = of(r, "loss-statement");
    assertEquals(Set.of(FindingCode.KEYWORD_MISSING), codes(f), f::toString);
    assertEquals(2, f.size(), "all and any: " + f);
    assertNotNull(f.get(0).evidence().ocrConfidence());
    assertTrue(f.get(0).message().endsWith("遗失声明须写明遗失的证照名称、编号并声明作废。"));
    List<String> real = List.of("遗失声明", "本单位遗失食品经营许可证正本", "编号 JY13301060012345，声明作废");
    assertEquals(List.of(), of(review(file("loss-statement", "遗失声明.png",
        Samples.chineseImage(real))), "loss-statement"));
  }

  @Test
  void requirementListsStillWork() {
    PreReviewResult r = reviewer.review(List.of(Samples.license()),
        List.of(file(Samples.LICENSE, "营业执照.pdf", Samples.pdf(1))));
    assertEquals(Verdict.COMPLETE, r.verdict(), r.findings()::toString);
    assertEquals("requirements", r.ruleSetVersion());
  }
}
