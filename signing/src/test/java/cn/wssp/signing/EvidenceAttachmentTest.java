package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
 * Files carried inside a decision (PDF/A-3 associated files): embedded so that veraPDF accepts
 * the document as PDF/A-3B before and after sealing, covered by the seal, and read back unchanged.
 */
class EvidenceAttachmentTest {

  @TempDir static Path dir;
  private static SealAuthority authority;
  private static final byte[] JSON =
      "{\"application\":\"SQ2026000001\",\"materials\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final DocumentAttachment EVIDENCE = new DocumentAttachment("evidence.json",
      "application/json", "办件证据清单", DocumentAttachment.Relationship.DATA, JSON);

  @BeforeAll
  static void setUp() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    authority = SealAuthority.openOrCreate(dir, "pw".toCharArray(), "某某市政务服务中心",
        new PkiEndpoints("http://127.0.0.1:9/ocsp", "http://127.0.0.1:9/issuing.crl",
            "http://127.0.0.1:9/issuing.pem"));
  }

  @Test
  void attachedDecisionIsPdfA3bBeforeAndAfterSealingAndCarriesTheFile() throws Exception {
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    byte[] pdf = renderer.render(SampleDocuments.decision(1), List.of(EVIDENCE));
    assertPdfA3b(pdf);

    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority, authority);
    byte[] sealed = signer.sign(pdf, authority.sealFor("SCJGJ", "某某市市场监督管理局"),
        new SignatureRequest("seal-1", renderer.sealPlacement(pdf, 0), "某某市市场监督管理局",
            "张三", "准予行政许可", "中心"));
    assertPdfA3b(sealed);

    List<DocumentAttachment> files = DocumentAttachments.read(sealed);
    assertEquals(1, files.size());
    DocumentAttachment file = files.get(0);
    assertEquals("evidence.json", file.fileName());
    assertEquals("application/json", file.mediaType());
    assertEquals("办件证据清单", file.description());
    assertEquals(DocumentAttachment.Relationship.DATA, file.relationship());
    assertArrayEquals(JSON, file.content());
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealed)))) {
      PdfArray af = document.getCatalog().getPdfObject().getAsArray(PdfName.AF);
      PdfDictionary spec = af.getAsDictionary(0);
      assertEquals(PdfName.Data, spec.getAsName(PdfName.AFRelationship));
    }
    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(sealed);
    assertEquals(Indication.TOTAL_PASSED, report.indication(), report.toString());
  }

  @Test
  void documentsWithoutAttachmentsHaveNone() throws Exception {
    byte[] pdf = new OfficialDocumentRenderer().render(SampleDocuments.decision(1));
    assertEquals(List.of(), DocumentAttachments.read(pdf));
  }

  @Test
  void attachmentsMustBeComplete() {
    DocumentAttachment nameless = new DocumentAttachment(" ", "application/json", null,
        DocumentAttachment.Relationship.SOURCE, JSON);
    DocumentAttachment untyped = new DocumentAttachment("a.json", null, null,
        DocumentAttachment.Relationship.SOURCE, JSON);
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    assertThrows(SigningException.class,
        () -> renderer.render(SampleDocuments.decision(1), List.of(nameless)));
    assertThrows(SigningException.class,
        () -> renderer.render(SampleDocuments.decision(1), List.of(untyped)));
  }

  private static void assertPdfA3b(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
      assertEquals(PDFAFlavour.PDFA_3_B, parser.getFlavour());
      PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false);
      ValidationResult result = validator.validate(parser);
      String failures = result.getTestAssertions().stream()
          .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
          .map(assertion -> assertion.getRuleId() + ": " + assertion.getMessage())
          .distinct()
          .collect(Collectors.joining("\n"));
      assertTrue(result.isCompliant(), failures);
    }
  }
}
