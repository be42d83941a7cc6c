package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.LICENSE;
import static cn.wssp.prereview.Samples.LICENSE_NAME;
import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pre-review end to end: real Tika on real files made in the test. */
class PreReviewerTest {
  private static PreReviewer reviewer;

  @BeforeAll
  static void start() {
    // OCR off here: these tests are about the other checks (OcrTest covers both OCR branches).
    reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false)
        .withTesseract(Path.of("/nonexistent/tesseract")));
  }

  @AfterAll
  static void stop() {
    reviewer.close();
  }

  static PreReviewResult review(MaterialRequirement r, SubmittedFile f) {
    return reviewer.review(List.of(r), List.of(f));
  }

  static Set<FindingCode> codes(PreReviewResult r) {
    return r.findings().stream().map(Finding::code).collect(Collectors.toSet());
  }

  static Finding only(PreReviewResult r, FindingCode code) {
    List<Finding> found = r.findings().stream().filter(f -> f.code() == code).toList();
    assertEquals(1, found.size(), () -> code + " expected once in " + r.findings());
    return found.get(0);
  }

  /** Every message names its material as 「名称」. */
  static void assertNamesMaterial(PreReviewResult r, String name) {
    for (Finding f : r.findings()) {
      assertTrue(f.message().contains("「" + name + "」"), () -> "no material name in " + f);
    }
  }

  @Test
  void validPdfPassesWithPagesCounted() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf", Samples.pdf(3)));
    assertEquals(Verdict.COMPLETE, r.verdict(), r.findings()::toString);
    assertTrue(r.findings().isEmpty(), r.findings()::toString);
    FileFacts facts = r.facts().get(LICENSE);
    assertNotNull(facts);
    assertEquals("application/pdf", facts.detectedType());
    assertEquals("application/pdf", facts.nameType());
    assertEquals(3, facts.pages());
    assertFalse(facts.encrypted());
    assertFalse(facts.corrupt());
    assertTrue(facts.textLength() > 50, "text extracted: " + facts.textLength());
  }

  @Test
  void encryptedPdf() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf",
        Samples.encryptedPdf()));
    Finding f = only(r, FindingCode.ENCRYPTED);
    assertEquals(Severity.BLOCKING, f.severity());
    assertEquals(LICENSE, f.materialCode());
    assertTrue(f.message().contains("密码"), f.message());
    assertFalse(codes(r).contains(FindingCode.CORRUPT));
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertTrue(r.facts().get(LICENSE).encrypted());
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void passwordProtectedWordDocumentIsEncryptedNotAMismatch() {
    MaterialRequirement r = Samples.accepting("articles", "公司章程",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    PreReviewResult result = review(r, file("articles", "章程.docx",
        Samples.encryptedDocx("有限责任公司章程")));
    assertEquals(Set.of(FindingCode.ENCRYPTED), codes(result), result.findings()::toString);
    assertNamesMaterial(result, "公司章程");
  }

  @Test
  void pdfRestrictedByAnOwnerPasswordOnlyOpensAndPasses() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf",
        Samples.ownerPasswordOnlyPdf()));
    assertTrue(r.findings().isEmpty(), r.findings()::toString);
    assertEquals(1, r.facts().get(LICENSE).pages());
  }

  @Test
  void garbagePdfIsCorrupt() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf",
        Samples.garbagePdf()));
    Finding f = only(r, FindingCode.CORRUPT);
    assertEquals(Severity.BLOCKING, f.severity());
    assertTrue(f.message().contains("PDF"), f.message());
    assertEquals(Set.of(FindingCode.CORRUPT), codes(r));
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void truncatedPdfIsCorrupt() {
    byte[] pdf = Samples.pdf(2);
    byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 3);
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf", cut));
    assertTrue(codes(r).contains(FindingCode.CORRUPT), r.findings()::toString);
  }

  @Test
  void unrecognisableBytesNamedPdfAreCorruptNotMismatch() {
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    noise[0] = 0x13; // no magic of any format
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf", noise));
    assertEquals(Set.of(FindingCode.CORRUPT), codes(r), r.findings()::toString);
  }

  @Test
  void unrecognisableContentWithoutExtension() {
    byte[] noise = new byte[4096];
    new java.util.Random(9).nextBytes(noise);
    noise[0] = 0x13;
    PreReviewResult r = review(Samples.license(), file(LICENSE, "扫描件", noise));
    Finding f = only(r, FindingCode.TYPE_NOT_ACCEPTED);
    assertTrue(f.message().contains("格式无法识别") && f.message().contains("只接受 PDF 格式"),
        f.message());
  }

  @Test
  void executableNamedPdf() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf",
        Samples.windowsExe()));
    Set<FindingCode> codes = codes(r);
    assertTrue(codes.contains(FindingCode.HOSTILE_FILE), r.findings()::toString);
    assertTrue(codes.contains(FindingCode.TYPE_MISMATCH), r.findings()::toString);
    assertFalse(codes.contains(FindingCode.TYPE_NOT_ACCEPTED), "said once, as hostile");
    assertTrue(only(r, FindingCode.HOSTILE_FILE).message().contains("Windows 可执行程序"));
    Finding mismatch = only(r, FindingCode.TYPE_MISMATCH);
    assertTrue(mismatch.message().contains("扩展名表明是 PDF"), mismatch.message());
    assertTrue(mismatch.message().contains("Windows 可执行程序"), mismatch.message());
    assertTrue(r.facts().get(LICENSE).detectedType().startsWith("application/x-msdownload"),
        r.facts()::toString);
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void pngNamedPdf() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.pdf", Samples.png()));
    Finding f = only(r, FindingCode.TYPE_MISMATCH);
    assertEquals(Severity.BLOCKING, f.severity());
    assertTrue(f.message().contains("PDF") && f.message().contains("PNG"), f.message());
    assertEquals("image/png", r.facts().get(LICENSE).detectedType());
    assertFalse(codes(r).contains(FindingCode.HOSTILE_FILE));
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void pngNamedPdfIsStillAMismatchWhereImagesAreAccepted() {
    MaterialRequirement r = Samples.accepting(LICENSE, LICENSE_NAME, "application/pdf",
        "image/png");
    PreReviewResult result = review(r, file(LICENSE, "营业执照.pdf", Samples.png()));
    assertEquals(Set.of(FindingCode.TYPE_MISMATCH), codes(result), result.findings()::toString);
  }

  @Test
  void jpegWhereOnlyPdfIsAccepted() {
    PreReviewResult r = review(Samples.license(), file(LICENSE, "营业执照.jpg", Samples.jpeg()));
    Finding f = only(r, FindingCode.TYPE_NOT_ACCEPTED);
    assertEquals(Severity.BLOCKING, f.severity());
    assertTrue(f.message().contains("JPG"), f.message());
    assertTrue(f.message().contains("只接受 PDF 格式"), f.message());
    assertFalse(codes(r).contains(FindingCode.TYPE_MISMATCH));
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void acceptedTypesAreListedInFriendlyForm() {
    MaterialRequirement r = Samples.accepting("id-card", "法定代表人身份证", "application/pdf",
        "image/jpeg", "image/png", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    PreReviewResult result = review(r, file("id-card", "身份证.exe", Samples.zip("a.txt",
        "x".getBytes())));
    Finding f = only(result, FindingCode.TYPE_NOT_ACCEPTED);
    assertTrue(f.message().contains("只接受 PDF、JPG、PNG、Word 格式"), f.message());
  }

  @Test
  void jpegAcceptedWithLooseSpellingAndImageOcrWarning() {
    MaterialRequirement r = Samples.accepting("photo", "门店照片", "image/jpg", "png");
    PreReviewResult result = review(r, file("photo", "门店.jpeg", Samples.jpeg()));
    assertEquals(Set.of(FindingCode.OCR_UNAVAILABLE), codes(result), result.findings()::toString);
    assertEquals(Verdict.COMPLETE, result.verdict());
  }

  @Test
  void wordDocumentAcceptedAndDocNameForDocxIsNoMismatch() {
    MaterialRequirement r = Samples.accepting("articles", "公司章程", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    byte[] docx = Samples.docx("有限责任公司章程 第一章 总则");
    PreReviewResult asDocx = review(r, file("articles", "章程.docx", docx));
    assertTrue(asDocx.findings().isEmpty(), asDocx.findings()::toString);
    assertTrue(asDocx.facts().get("articles").textLength() > 5);
    PreReviewResult asDoc = review(r, file("articles", "章程.doc", docx));
    assertTrue(asDoc.findings().isEmpty(), asDoc.findings()::toString);
  }

  @Test
  void emptyFileIsNeverOpened() {
    SubmittedFile empty = new SubmittedFile(LICENSE, "营业执照.pdf", 0, () -> {
      throw new AssertionError("an empty file must not be read");
    });
    PreReviewResult r = review(Samples.license(), empty);
    assertEquals(Set.of(FindingCode.EMPTY), codes(r));
    assertEquals(Severity.BLOCKING, only(r, FindingCode.EMPTY).severity());
    assertEquals(Verdict.INCOMPLETE, r.verdict());
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void emptyContentDespiteDeclaredSize() {
    SubmittedFile liar = new SubmittedFile(LICENSE, "营业执照.pdf", 100,
        () -> new ByteArrayInputStream(new byte[0]));
    assertEquals(Set.of(FindingCode.EMPTY), codes(review(Samples.license(), liar)));
  }

  @Test
  void tooLargeIsDecidedFromTheSizeWithoutReading() {
    SubmittedFile huge = new SubmittedFile(LICENSE, "营业执照.pdf", 2L * 1024 * 1024 * 1024, () -> {
      throw new AssertionError("a file over the limit must not be read");
    });
    PreReviewResult r = review(Samples.license(), huge);
    assertEquals(Set.of(FindingCode.TOO_LARGE), codes(r));
    Finding f = only(r, FindingCode.TOO_LARGE);
    assertTrue(f.message().contains("2.0 GB") || f.message().contains("2 GB"), f.message());
    assertTrue(f.message().contains("10 MB"), f.message());
    assertTrue(r.facts().isEmpty(), "not parsed, no facts");
    assertNamesMaterial(r, LICENSE_NAME);
  }

  @Test
  void contentLargerThanDeclaredIsCutAtTheLimit() {
    MaterialRequirement small = new MaterialRequirement(LICENSE, LICENSE_NAME, true, false,
        List.of("application/pdf"), 1024 * 1024, 0);
    AtomicLong read = new AtomicLong();
    SubmittedFile liar = new SubmittedFile(LICENSE, "营业执照.pdf", 10, () -> new InputStream() {
      @Override
      public int read() {
        read.incrementAndGet();
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        read.addAndGet(len);
        return len; // endless
      }
    });
    PreReviewResult r = review(small, liar);
    assertEquals(Set.of(FindingCode.TOO_LARGE), codes(r));
    assertTrue(read.get() <= 1024 * 1024 + 1, "read " + read.get());
  }

  @Test
  void tooManyPages() {
    MaterialRequirement r = new MaterialRequirement(LICENSE, LICENSE_NAME, true, false,
        List.of("application/pdf"), 10L * 1024 * 1024, 3);
    PreReviewResult result = review(r, file(LICENSE, "营业执照.pdf", Samples.pdf(5)));
    Finding f = only(result, FindingCode.TOO_MANY_PAGES);
    assertEquals(Severity.BLOCKING, f.severity());
    assertTrue(f.message().contains("共 5 页") && f.message().contains("上限 3 页"), f.message());
    assertEquals(5, result.facts().get(LICENSE).pages());
    assertNamesMaterial(result, LICENSE_NAME);
  }

  @Test
  void missingMandatoryMaterial() {
    MaterialRequirement optional = new MaterialRequirement("other", "其他补充材料", false, false,
        List.of("application/pdf"), 1024 * 1024, 0);
    PreReviewResult r = reviewer.review(List.of(Samples.license(), optional), List.of());
    Finding f = only(r, FindingCode.MISSING_MATERIAL);
    assertEquals(LICENSE, f.materialCode());
    assertEquals(Severity.BLOCKING, f.severity());
    assertTrue(f.message().contains("「营业执照副本」"), f.message());
    assertEquals(1, r.findings().size(), "an optional material may be absent");
    assertEquals(Verdict.INCOMPLETE, r.verdict());
  }

  @Test
  void verdictWithCommitableMaterials() {
    MaterialRequirement lease = new MaterialRequirement("lease", "经营场所租赁合同", true, true,
        List.of("application/pdf"), 10L * 1024 * 1024, 0);
    MaterialRequirement fire = new MaterialRequirement("fire", "消防安全检查合格证明", true, true,
        List.of("application/pdf"), 10L * 1024 * 1024, 0);
    SubmittedFile license = file(LICENSE, "营业执照.pdf", Samples.pdf(1));

    // only commitable materials missing
    PreReviewResult r = reviewer.review(List.of(Samples.license(), lease, fire), List.of(license));
    assertEquals(Verdict.COMPLETE_WITH_COMMITMENT, r.verdict(), r.findings()::toString);
    assertEquals(2, r.findings().size());
    for (Finding f : r.findings()) {
      assertEquals(FindingCode.MISSING_MATERIAL, f.code());
      assertTrue(f.message().contains("容缺"), f.message());
    }

    // a commitable material with a defective file is still only commitable
    r = reviewer.review(List.of(Samples.license(), lease),
        List.of(license, file("lease", "租赁合同.pdf", Samples.garbagePdf())));
    assertEquals(Verdict.COMPLETE_WITH_COMMITMENT, r.verdict(), r.findings()::toString);

    // a non-commitable one missing as well: incomplete
    r = reviewer.review(List.of(Samples.license(), lease), List.of());
    assertEquals(Verdict.INCOMPLETE, r.verdict());

    // everything there
    r = reviewer.review(List.of(Samples.license(), lease),
        List.of(license, file("lease", "租赁合同.pdf", Samples.pdf(2))));
    assertEquals(Verdict.COMPLETE, r.verdict(), r.findings()::toString);
    assertEquals(Set.of(LICENSE, "lease"), r.facts().keySet());
  }

  @Test
  void fileForAnUnknownMaterialIsIgnoredWithAWarning() {
    PreReviewResult r = reviewer.review(List.of(Samples.license()), List.of(
        file(LICENSE, "营业执照.pdf", Samples.pdf(1)),
        file("no-such-material", "随便.exe", Samples.windowsExe())));
    Finding f = only(r, FindingCode.UNKNOWN_MATERIAL);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("no-such-material", f.materialCode());
    assertTrue(f.message().contains("no-such-material") && f.message().contains("随便.exe"));
    assertEquals(Verdict.COMPLETE, r.verdict());
    assertFalse(r.facts().containsKey("no-such-material"));
  }

  @Test
  void customChecksRunAfterTheStandardOnes() {
    MaterialCheck mustMentionCreditCode = ctx -> {
      if (ctx.hasFile() && !ctx.inspection().text().contains("91350100M000100Y43")) {
        ctx.reportMessage(FindingCode.CREDIT_CODE_MISMATCH, Severity.BLOCKING,
            "「" + ctx.requirement().name() + "」未载明申请人的统一社会信用代码");
      }
    };
    List<MaterialCheck> checks = PreReviewer.defaultChecks();
    checks.add(mustMentionCreditCode);
    try (PreReviewer custom = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false).withOcrEnabled(false),
        checks)) {
      PreReviewResult ok = custom.review(List.of(Samples.license()),
          List.of(file(LICENSE, "营业执照.pdf", Samples.pdf(1))));
      assertEquals(Verdict.COMPLETE, ok.verdict(), ok.findings()::toString);
      PreReviewResult bad = custom.review(List.of(Samples.license()),
          List.of(file(LICENSE, "营业执照.docx", Samples.docx("没有代码"))));
      assertTrue(codes(bad).contains(FindingCode.CREDIT_CODE_MISMATCH), bad.findings()::toString);
    }
  }

  @Test
  void storageFailurePropagatesInsteadOfJudgingTheApplicant() {
    SubmittedFile broken = new SubmittedFile(LICENSE, "营业执照.pdf", 100, () -> {
      throw new IOException("object store unreachable");
    });
    try {
      review(Samples.license(), broken);
      throw new AssertionError("expected UncheckedIOException");
    } catch (java.io.UncheckedIOException expected) {
      assertTrue(expected.getCause().getMessage().contains("unreachable"));
    }
  }

  @Test
  void oneReviewerServesManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<PreReviewResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        boolean good = i % 2 == 0;
        results.add(pool.submit(() -> review(Samples.license(),
            file(LICENSE, "营业执照.pdf", good ? Samples.pdf(2) : Samples.windowsExe()))));
      }
      for (int i = 0; i < results.size(); i++) {
        PreReviewResult r = results.get(i).get();
        assertEquals(i % 2 == 0 ? Verdict.COMPLETE : Verdict.INCOMPLETE, r.verdict(),
            r.findings()::toString);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
