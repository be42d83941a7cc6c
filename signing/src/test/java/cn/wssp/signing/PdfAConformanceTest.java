package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Decisions must be PDF/A (§6) before and after sealing: checked with veraPDF, the reference
 * validator, not with iText's own checker that made them.
 */
class PdfAConformanceTest {

  @TempDir static Path dir;
  private static SealAuthority authority;

  @BeforeAll
  static void setUp() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    // As the portal opens it: seals naming the OCSP responder, whose answers get embedded.
    authority = SealAuthority.openOrCreate(dir, "pw".toCharArray(), "某某市政务服务中心",
        new PkiEndpoints("http://127.0.0.1:9/ocsp", "http://127.0.0.1:9/issuing.crl",
            "http://127.0.0.1:9/issuing.pem"));
  }

  @Test
  void renderedDecisionIsPdfA2b() throws Exception {
    assertPdfA2b(new OfficialDocumentRenderer().render(SampleDocuments.decision(1, 12)));
  }

  @Test
  void jointlySealedDecisionWithTimestampsAndDssIsStillPdfA2b() throws Exception {
    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority, authority);
    byte[] pdf = new OfficialDocumentRenderer().render(SampleDocuments.decision(2));
    pdf = signer.sign(pdf, authority.sealFor("SCJGJ", "某某市市场监督管理局"),
        new SignatureRequest("seal-1", new OfficialDocumentRenderer().sealPlacement(pdf, 0),
            "某某市市场监督管理局", "张三", "准予行政许可", "中心"));
    pdf = signer.sign(pdf, authority.sealFor("WJW", "某某市卫生健康委员会"),
        new SignatureRequest("seal-2", new OfficialDocumentRenderer().sealPlacement(pdf, 1),
            "某某市卫生健康委员会", "李四", "准予行政许可", "中心"));
    assertPdfA2b(pdf);
  }

  @Test
  void sealedLicenceIsPdfA2b() throws Exception {
    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority, authority);
    LicenceRenderer renderer = new LicenceRenderer();
    byte[] pdf = renderer.render(LicenceRendererTest.licence(1, "预包装食品销售、热食类食品制售。"));
    assertPdfA2b(pdf);
    pdf = signer.sign(pdf, authority.sealFor("SCJGJ", "某某市市场监督管理局"),
        new SignatureRequest("seal-1", renderer.sealPlacement(pdf, 0),
            "某某市市场监督管理局", "张三", "电子证照", "中心"));
    assertPdfA2b(pdf);
  }

  @Test
  void noticeWithTheCentersSealIsStillPdfA2b() throws Exception {
    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority, authority);
    byte[] pdf = new OfficialDocumentRenderer().render(SampleDocuments.decision(1));
    pdf = signer.sign(pdf, authority.centerSeal(),
        new SignatureRequest("seal-1", new OfficialDocumentRenderer().sealPlacement(pdf, 0),
            "某某市政务服务中心", "窗口", "受理通知", "中心"));
    assertPdfA2b(pdf);
  }

  private static void assertPdfA2b(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
      assertEquals(PDFAFlavour.PDFA_2_B, parser.getFlavour());
      PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
      ValidationResult result = validator.validate(parser);
      String failures =
          result.getTestAssertions().stream()
              .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
              .map(assertion -> assertion.getRuleId() + ": " + assertion.getMessage())
              .distinct()
              .collect(Collectors.joining("\n"));
      assertTrue(result.isCompliant(), failures);
    }
  }
}
