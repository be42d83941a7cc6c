package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAdES B-LTA: a B-LT decision extended by an archive timestamp is judged B-LTA by EU DSS, the
 * reference validator (reading the PDF with PDFBox, not iText), and stays valid for our own.
 */
class ArchiveTimestamperTest {

  @TempDir static Path dir;
  private static SealAuthority authority;
  private static byte[] sealed;

  @BeforeAll
  static void setUp() throws Exception {
    authority = SealAuthority.openOrCreate(dir, "pw".toCharArray(), "某某市政务服务中心",
        new PkiEndpoints("http://127.0.0.1:9/ocsp", "http://127.0.0.1:9/issuing.crl",
            "http://127.0.0.1:9/issuing.pem"));
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    byte[] pdf = renderer.render(SampleDocuments.decision(1));
    sealed = new PadesSigner(authority.timestampAuthority(), authority, authority).sign(pdf,
        authority.sealFor("SCJGJ", "某某市市场监督管理局"),
        new SignatureRequest("seal-1", renderer.sealPlacement(pdf, 0), "某某市市场监督管理局",
            "张三", "准予行政许可", "中心"));
  }

  private static ArchiveTimestamper timestamper() throws SigningException {
    return new ArchiveTimestamper(authority.timestampAuthority(), authority, authority);
  }

  @Test
  void euDssJudgesTheExtendedDocumentBaselineLta() throws Exception {
    assertEquals(SignatureLevel.PAdES_BASELINE_LT, dssReport(sealed).getSignatureFormat(
        dssReport(sealed).getFirstSignatureId()), "before: B-LT");

    byte[] extended = timestamper().extend(sealed);

    SimpleReport report = dssReport(extended);
    String id = report.getFirstSignatureId();
    assertEquals(SignatureLevel.PAdES_BASELINE_LTA, report.getSignatureFormat(id));
    assertEquals(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED, report.getIndication(id),
        String.valueOf(report.getAdESValidationErrors(id)));
    VerificationReport ours = new PdfVerifier(authority.trustAnchors()).verify(extended);
    assertEquals(Indication.TOTAL_PASSED, ours.indication(), ours.toString());
    assertEquals(2, ours.signatures().size());
    assertEquals("archive-ts-1", ours.signatures().get(1).fieldName());
  }

  @Test
  void aSecondExtensionAddsTheNextArchiveTimestamp() throws Exception {
    byte[] twice = timestamper().extend(timestamper().extend(sealed));
    VerificationReport ours = new PdfVerifier(authority.trustAnchors()).verify(twice);
    assertEquals(Indication.TOTAL_PASSED, ours.indication(), ours.toString());
    assertEquals("archive-ts-2", ours.signatures().get(2).fieldName());
    SimpleReport report = dssReport(twice);
    assertEquals(SignatureLevel.PAdES_BASELINE_LTA,
        report.getSignatureFormat(report.getFirstSignatureId()));
  }

  @Test
  void renewalIsDueWhenTheNewestTimestampsCertificatesExpire() throws Exception {
    X509Certificate tsa = authority.timestampAuthority().certificateChain().get(0);
    assertEquals(Optional.of(tsa.getNotAfter().toInstant()), ArchiveTimestamper.renewalDue(sealed));
    assertEquals(Optional.of(tsa.getNotAfter().toInstant()),
        ArchiveTimestamper.renewalDue(timestamper().extend(sealed)));
    byte[] untimestamped = new PadesSigner().sign(
        new OfficialDocumentRenderer().render(SampleDocuments.decision(1)),
        authority.sealFor("SCJGJ", "某某市市场监督管理局"),
        new SignatureRequest("seal-1", new SealPlacement(1, 100, 100, 100, 100),
            "某某市市场监督管理局", "张三", "准予行政许可", "中心"));
    assertEquals(Optional.empty(), ArchiveTimestamper.renewalDue(untimestamped));
    assertTrue(ArchiveTimestamper.renewalDue(sealed).get().isAfter(Instant.now()));
  }

  @Test
  void anUnsignedDocumentCannotBeExtended() throws Exception {
    byte[] unsigned = new OfficialDocumentRenderer().render(SampleDocuments.decision(1));
    assertThrows(SigningException.class, () -> timestamper().extend(unsigned));
  }

  private static SimpleReport dssReport(byte[] pdf) {
    PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    trusted.addCertificate(new CertificateToken(authority.rootCertificate()));
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(trusted);
    // Offline: only what the document carries counts.
    verifier.setAIASource(null);
    verifier.setCrlSource(null);
    verifier.setOcspSource(null);
    validator.setCertificateVerifier(verifier);
    Reports reports = validator.validateDocument();
    return reports.getSimpleReport();
  }
}
