package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.prereview.Applicant;
import cn.wssp.prereview.Finding;
import cn.wssp.prereview.PreReviewResult;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.prereview.RuleSet;
import cn.wssp.prereview.Severity;
import cn.wssp.prereview.SubmittedFile;
import cn.wssp.prereview.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared test materials against the demo rule sets, in-process (no portal): every generated
 * file passes its matter's rules, and each broken variant gives exactly the finding it should.
 * Keeps the integration tests' fixtures and the demo rules from drifting apart.
 */
class MaterialsTest {
  static final Applicant DEMO = new Applicant(Materials.DEMO.name(), Materials.DEMO.creditCode());
  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  static PreReviewer reviewer;

  @BeforeAll
  static void start() {
    reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false));
  }

  @AfterAll
  static void stop() {
    reviewer.close();
  }

  static RuleSet demoRules(String matter) throws IOException {
    try (InputStream in = MaterialsTest.class.getResourceAsStream(
        "/cn/wssp/portal/rules/" + matter + ".json")) {
      return RuleSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static PreReviewResult review(String matter, Map<String, byte[]> replaced, List<String> left)
      throws IOException {
    RuleSet rules = demoRules(matter);
    List<SubmittedFile> files = new ArrayList<>();
    for (var m : rules.materials()) {
      if (left.contains(m.code())) {
        continue;
      }
      byte[] bytes = replaced.getOrDefault(m.code(), Materials.valid(matter, m.code()));
      files.add(new SubmittedFile(m.code(), m.code() + ".pdf", bytes.length,
          () -> new ByteArrayInputStream(bytes)));
    }
    return reviewer.review(rules, DEMO, TODAY, files);
  }

  static List<String> codes(PreReviewResult r) {
    return r.findings().stream().map(f -> f.materialCode() + ":" + f.code() + ":" + f.severity())
        .toList();
  }

  @Test
  void everyDemoMatterIsCompleteWithTheGeneratedMaterials() throws IOException {
    for (String matter : List.of("SCJG-0001", "SCJG-0002", "LB-0001")) {
      PreReviewResult r = review(matter, Map.of(), List.of());
      assertEquals(Verdict.COMPLETE, r.verdict(), matter + " " + r.findings());
      assertTrue(r.findings().isEmpty(), matter + " " + r.findings());
    }
  }

  @Test
  void missingCommitableMaterialsProposeACommitment() throws IOException {
    PreReviewResult r = review("SCJG-0001", Map.of(), List.of("premises-layout", "safety-rules"));
    assertEquals(Verdict.COMPLETE_WITH_COMMITMENT, r.verdict(), r.findings().toString());
  }

  @Test
  void eachBrokenRuleIsNamed() throws IOException {
    String foreign = Materials.SECOND.creditCode();
    String badDigit = foreign.substring(0, 17) + (foreign.charAt(17) == '0' ? '1' : '0');
    assertFinding(Map.of("business-license", Materials.licence(Materials.DEMO, foreign, "2099年12月31日")),
        "business-license", "CREDIT_CODE_MISMATCH");
    assertFinding(Map.of("business-license", Materials.licence(Materials.DEMO, badDigit, "2099年12月31日")),
        "business-license", "CREDIT_CODE_INVALID");
    assertFinding(Map.of("business-license",
            Materials.licence(Materials.DEMO, Materials.DEMO.creditCode(), "2025年12月31日")),
        "business-license", "EXPIRED");
    assertFinding(Map.of("legal-rep-id", Materials.pdf(List.of("居民身份证",
            "公民身份号码：" + Materials.ID_NUMBER.substring(0, 17)
                + (Materials.ID_NUMBER.endsWith("1") ? "2" : "1")))),
        "legal-rep-id", "ID_NUMBER_INVALID");
    assertFinding(Map.of("safety-rules", Materials.pdf(List.of("员工考勤制度"))),
        "safety-rules", "KEYWORD_MISSING");
  }

  private static void assertFinding(Map<String, byte[]> replaced, String material, String code)
      throws IOException {
    PreReviewResult r = review("SCJG-0001", replaced, List.of());
    Finding f = r.findings().stream()
        .filter(x -> material.equals(x.materialCode()) && x.code().name().equals(code))
        .findFirst().orElse(null);
    assertNotNull(f, code + " expected: " + codes(r));
    assertEquals(Severity.BLOCKING, f.severity());
    assertTrue(f.message().contains("「"), f.message());
  }
}
