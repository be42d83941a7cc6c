package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfVerifierTest {

  @TempDir static Path dir;
  private static SealAuthority authority;
  private static byte[] sealed;

  @BeforeAll
  static void seal() throws Exception {
    authority = SealAuthority.openOrCreate(dir, "pw".toCharArray(), "某某市政务服务中心");
    byte[] pdf = new OfficialDocumentRenderer().render(SampleDocuments.decision(1));
    sealed =
        new PadesSigner(authority.timestampAuthority())
            .sign(pdf, authority.sealFor("SCJGJ", "某某市市场监督管理局"),
                new SignatureRequest("seal-1", new OfficialDocumentRenderer().sealPlacement(pdf, 0),
            "某某市市场监督管理局", "张三", "准予行政许可", "中心"));
  }

  @Test
  void garbageIsReportedAsUnsignedNotThrown() {
    PdfVerifier verifier = new PdfVerifier(authority.trustAnchors());
    byte[] random = new byte[10_000];
    new Random(42).nextBytes(random);
    for (byte[] input :
        List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), random,
            "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII),
            Arrays.copyOf(sealed, sealed.length / 2))) {
      VerificationReport report = verifier.verify(input);
      assertFalse(report.valid());
      assertFalse(report.intact());
      assertTrue(report.signatures().stream().noneMatch(VerificationReport.SignatureReport::valid));
      assertNotEquals(Indication.TOTAL_PASSED, report.indication());
      assertNotNull(report.subIndication());
      assertNotNull(report.message());
    }
    VerificationReport none = verifier.verify(null);
    assertFalse(none.signed());
    assertNull(none.documentNumber());
    assertEquals(SubIndication.FORMAT_FAILURE, none.subIndication());
    for (byte[] notAPdf : List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), random)) {
      VerificationReport report = verifier.verify(notAPdf);
      assertEquals(Indication.TOTAL_FAILED, report.indication());
      assertEquals(SubIndication.FORMAT_FAILURE, report.subIndication());
      assertEquals(SubIndication.FORMAT_FAILURE.message(), report.message());
    }
  }

  @Test
  void unsignedDocumentStillReportsItsNumber() throws Exception {
    byte[] pdf = new OfficialDocumentRenderer().render(SampleDocuments.decision(0));
    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(pdf);
    assertFalse(report.signed());
    assertFalse(report.valid());
    assertEquals(SampleDocuments.NUMBER, report.documentNumber());
    assertEquals(List.of(), report.signatures());
    assertEquals(Indication.TOTAL_FAILED, report.indication());
    assertEquals(SubIndication.NO_SIGNATURE_FOUND, report.subIndication());
    assertEquals("文件中没有电子签章。", report.message());
  }

  @Test
  void trustComesOnlyFromTheAnchorsGiven() {
    VerificationReport trusting = new PdfVerifier(authority.trustAnchors()).verify(sealed);
    assertTrue(trusting.valid(), trusting.toString());
    assertTrue(trusting.signatures().get(0).coversWholeDocument());

    VerificationReport trustingNothing = new PdfVerifier(List.of()).verify(sealed);
    assertTrue(trustingNothing.intact());
    assertFalse(trustingNothing.valid());
    assertFalse(trustingNothing.signatures().get(0).trusted());
    assertFalse(trustingNothing.signatures().get(0).timestamped());
    assertEquals(Indication.INDETERMINATE, trustingNothing.indication());
    assertEquals(
        SubIndication.NO_CERTIFICATE_CHAIN_FOUND, trustingNothing.signatures().get(0).subIndication());

    // Trusting the issuing CA directly works too (an anchor need not be self-signed).
    VerificationReport trustingIssuer =
        new PdfVerifier(List.of(authority.issuingCertificate())).verify(sealed);
    assertTrue(trustingIssuer.valid(), trustingIssuer.toString());
  }

  @Test
  void documentTimestampIsReportedAsTheTsasSignature() throws Exception {
    // PAdES B-LTA adds a document timestamp (ETSI.RFC3161) after the seals.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    com.itextpdf.signatures.PdfSigner timestamper =
        new com.itextpdf.signatures.PdfSigner(
            new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(sealed)),
            out,
            null,
            new com.itextpdf.kernel.pdf.StampingProperties().useAppendMode());
    timestamper.timestamp(new TimestampSourceClient(authority.timestampAuthority()), "archive-ts");

    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(out.toByteArray());

    assertTrue(report.valid(), report.toString());
    assertEquals(2, report.signatures().size());
    VerificationReport.SignatureReport timestamp = report.signatures().get(1);
    assertEquals("archive-ts", timestamp.fieldName());
    assertEquals("某某市政务服务中心 时间戳服务", timestamp.signer());
    assertTrue(timestamp.timestamped());
    assertTrue(timestamp.trusted());
    assertTrue(timestamp.coversWholeDocument());
    assertFalse(report.signatures().get(0).coversWholeDocument());
    assertEquals(Indication.TOTAL_PASSED, timestamp.indication());
    VerificationReport.SignatureReport untrusted =
        new PdfVerifier(List.of()).verify(out.toByteArray()).signatures().get(1);
    assertFalse(untrusted.trusted());
    assertEquals(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, untrusted.subIndication());
  }
}
