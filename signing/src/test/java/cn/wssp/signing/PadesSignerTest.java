package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.forms.PdfAcroForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals decisions and checks them with our own verifier and, independently, with poppler's
 * pdfsig (NSS) trusting only the center's root certificate.
 */
class PadesSignerTest {

  private static final String MARKET = "某某市市场监督管理局";
  private static final String HEALTH = "某某市卫生健康委员会";

  @TempDir static Path dir;
  private static SealAuthority authority;
  private static SealToken marketSeal;
  private static SealToken healthSeal;
  private static PadesSigner signer;
  private static PdfVerifier verifier;
  private static byte[] singleDecision;
  private static byte[] jointDecision;
  /** Market seal, with timestamp and CRLs (B-LT), made once for several tests. */
  private static byte[] sealed;

  @BeforeAll
  static void setUp() throws Exception {
    authority = SealAuthority.openOrCreate(dir.resolve("pki"), "pw".toCharArray(), "某某市政务服务中心");
    marketSeal = authority.sealFor("SCJGJ", MARKET);
    healthSeal = authority.sealFor("WJW", HEALTH);
    signer = new PadesSigner(authority.timestampAuthority(), authority);
    verifier = new PdfVerifier(authority.trustAnchors());
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    singleDecision = renderer.render(SampleDocuments.decision(1));
    jointDecision = renderer.render(SampleDocuments.decision(2));
    sealed = signer.sign(singleDecision, marketSeal, request(singleDecision, "seal-1", 0, MARKET, "张三"));
  }

  private static final OfficialDocumentRenderer RENDERER = new OfficialDocumentRenderer();

  /** A request for seal place {@code slot} that the renderer reserved in {@code pdf}. */
  private static SignatureRequest request(
      byte[] pdf, String field, int slot, String department, String who) throws SigningException {
    return request(field, RENDERER.sealPlacement(pdf, slot), department, who);
  }

  private static SignatureRequest request(
      String field, SealPlacement placement, String department, String who) {
    return new SignatureRequest(field, placement, department, who, "准予行政许可", "某某市政务服务中心");
  }

  @Test
  void sealedDecisionIsValidAndTimestamped() {
    VerificationReport report = verifier.verify(sealed);

    assertTrue(report.signed());
    assertTrue(report.intact());
    assertTrue(report.valid(), report.toString());
    assertEquals(SampleDocuments.NUMBER, report.documentNumber());
    assertEquals(1, report.signatures().size());
    VerificationReport.SignatureReport signature = report.signatures().get(0);
    assertEquals("seal-1", signature.fieldName());
    assertEquals(MARKET + " 行政许可专用章", signature.signer());
    assertEquals(MARKET, signature.department());
    assertTrue(signature.timestamped());
    assertTrue(signature.trusted());
    assertTrue(signature.validationData(), "B-LT: CRLs for the seal in the DSS");
    assertEquals("RSA/SHA-256", signature.algorithm());
    assertTrue(signature.intact());
    assertTrue(signature.valid());
    assertEquals(Indication.TOTAL_PASSED, signature.indication());
    assertNull(signature.subIndication());
    assertEquals(VerificationReport.SignatureReport.PASSED_MESSAGE, signature.message());
    assertEquals(Indication.TOTAL_PASSED, report.indication());
    assertNull(report.subIndication());
    assertEquals(VerificationReport.PASSED_MESSAGE, report.message());
    assertNotNull(java.time.Instant.parse(signature.signedAt()));
    // The DSS update comes after the signature, so it does not reach the end of the file.
    assertFalse(signature.coversWholeDocument());
  }

  @Test
  void pdfsigTrustsTheSealedDecision() throws Exception {
    String nss = ExternalTools.nssDatabaseTrusting(dir.resolve("nss-ours"), authority.rootCertificatePem());
    Path file = dir.resolve("sealed.pdf");
    Files.write(file, sealed);

    List<String> blocks = ExternalTools.pdfsigBlocks(nss, file);

    assertEquals(1, blocks.size(), String.join("\n", blocks));
    String block = blocks.get(0);
    assertTrue(block.contains("Signature Field Name: seal-1"), block);
    assertTrue(block.contains("Signer Certificate Common Name: " + MARKET + " 行政许可专用章"), block);
    assertTrue(block.contains("Signature Type: ETSI.CAdES.detached"), block);
    assertTrue(block.contains("Signing Hash Algorithm: SHA-256"), block);
    assertTrue(block.contains("Signature Validation: Signature is Valid."), block);
    assertTrue(block.contains("Certificate Validation: Certificate is Trusted."), block);
  }

  @Test
  void cmsIsPadesBaseline() throws Exception {
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealed)))) {
      PdfSignature signature = new SignatureUtil(pdf).getSignature("seal-1");
      assertEquals(PdfName.ETSI_CAdES_DETACHED, signature.getSubFilter());
      assertEquals("张三", signature.getName());
      assertEquals("准予行政许可", signature.getReason());
      CMSSignedData cms = new CMSSignedData(signature.getContents().getValueBytes());
      SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
      assertEquals(NISTObjectIdentifiers.id_sha256.getId(), info.getDigestAlgOID());
      AttributeTable signed = info.getSignedAttributes();
      assertNotNull(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2), "ESS signing-certificate-v2");
      assertNotNull(signed.get(CMSAttributes.messageDigest));
      assertNotNull(signed.get(CMSAttributes.contentType));
      // PAdES: the claimed time is /M in the signature dictionary, never a CMS signing-time.
      assertNull(signed.get(CMSAttributes.signingTime));
      assertNotNull(info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken));
      assertEquals(3, cms.getCertificates().getMatches(null).size(), "seal, issuing CA, root");

      // B-LT: the DSS holds CRLs for the seal's and the TSA's issuing CA and for the issuing CA.
      PdfDictionary dss = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
      assertNotNull(dss, "document security store");
      PdfArray crls = dss.getAsArray(PdfName.CRLs);
      assertNotNull(crls);
      assertEquals(2, crls.size(), "one CRL from the issuing CA, one from the root");
      assertTrue(dss.getAsArray(PdfName.Certs).size() >= 3);
    }
  }

  @Test
  void sealAppearsInItsReservedPlace() throws Exception {
    byte[] joint = signer.sign(jointDecision, healthSeal, request(jointDecision, "seal-2", 1, HEALTH, "李四"));
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(joint)))) {
      var field = PdfAcroForm.getAcroForm(pdf, false).getField("seal-2");
      var widget = field.getWidgets().get(0);
      Rectangle rect = widget.getRectangle().toRectangle();
      Rectangle expected = OfficialDocumentRenderer.sealRect(1);
      assertEquals(expected.getX(), rect.getX(), 0.5);
      assertEquals(expected.getY(), rect.getY(), 0.5);
      assertEquals(expected.getWidth(), rect.getWidth(), 0.5);
      assertEquals(pdf.getNumberOfPages(), pdf.getPageNumber(widget.getPage()));
      assertEquals(
          new SealPlacement(pdf.getNumberOfPages(), expected.getX(), expected.getY(),
              expected.getWidth(), expected.getHeight()),
          RENDERER.sealPlacement(jointDecision, 1));
      // The appearance draws the seal image.
      PdfDictionary normal = widget.getNormalAppearanceObject();
      assertNotNull(normal);
      assertTrue(normal.toString().length() > 0);
      assertTrue(pdf.getConformance().isPdfA(), "still declares PDF/A after signing");
    }
  }

  @Test
  void jointDecisionKeepsBothSignaturesValid() throws Exception {
    byte[] first = signer.sign(jointDecision, marketSeal, request(jointDecision, "seal-1", 0, MARKET, "张三"));
    byte[] both = signer.sign(first, healthSeal, request(first, "seal-2", 1, HEALTH, "李四"));

    VerificationReport report = verifier.verify(both);
    assertTrue(report.valid(), report.toString());
    assertEquals(2, report.signatures().size());
    assertEquals(List.of("seal-1", "seal-2"),
        report.signatures().stream().map(VerificationReport.SignatureReport::fieldName).toList());
    assertEquals(MARKET, report.signatures().get(0).department());
    assertEquals(HEALTH, report.signatures().get(1).department());
    for (VerificationReport.SignatureReport signature : report.signatures()) {
      assertTrue(signature.valid(), signature.toString());
      assertTrue(signature.timestamped(), signature.toString());
    }

    String nss = ExternalTools.nssDatabaseTrusting(dir.resolve("nss-joint"), authority.rootCertificatePem());
    Path file = dir.resolve("joint.pdf");
    Files.write(file, both);
    List<String> blocks = ExternalTools.pdfsigBlocks(nss, file);
    assertEquals(2, blocks.size(), String.join("\n", blocks));
    assertTrue(blocks.get(0).contains("Signature Field Name: seal-1"), blocks.get(0));
    assertTrue(blocks.get(1).contains("Signature Field Name: seal-2"), blocks.get(1));
    for (String block : blocks) {
      assertTrue(block.contains("Signature Validation: Signature is Valid."), block);
      assertTrue(block.contains("Certificate Validation: Certificate is Trusted."), block);
    }
  }

  @Test
  void aChangedByteInsideTheSignedContentIsDetected() throws Exception {
    byte[] tampered = sealed.clone();
    int target = offsetInsideFirstSignedStream(tampered);
    tampered[target] ^= 0x01;

    VerificationReport report = verifier.verify(tampered);
    assertFalse(report.valid(), report.toString());
    assertFalse(report.intact(), report.toString());
    assertTrue(report.signed(), "still readable, just no longer intact");
    assertFalse(report.signatures().get(0).intact());
    assertEquals(Indication.TOTAL_FAILED, report.signatures().get(0).indication());
    assertEquals(SubIndication.HASH_FAILURE, report.signatures().get(0).subIndication());
    assertEquals(SubIndication.HASH_FAILURE.message(), report.signatures().get(0).message());
    assertEquals(Indication.TOTAL_FAILED, report.indication());
    assertEquals(SubIndication.HASH_FAILURE, report.subIndication());

    String nss = ExternalTools.nssDatabaseTrusting(dir.resolve("nss-tamper"), authority.rootCertificatePem());
    Path file = dir.resolve("tampered.pdf");
    Files.write(file, tampered);
    String block = ExternalTools.pdfsigBlocks(nss, file).get(0);
    assertFalse(block.contains("Signature is Valid."), block);
    assertTrue(block.contains("Signature Validation: Digest Mismatch."), block);
  }

  /** A byte in the middle of a stream of the original revision: the file still parses. */
  private static int offsetInsideFirstSignedStream(byte[] pdf) throws Exception {
    long firstRangeEnd;
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      firstRangeEnd = new SignatureUtil(document).getSignature("seal-1").getByteRange().getAsNumber(1).longValue();
    }
    String text = new String(pdf, 0, (int) firstRangeEnd, StandardCharsets.ISO_8859_1);
    int stream = text.indexOf("stream\n", (int) firstRangeEnd / 3);
    assertTrue(stream > 0 && stream + 200 < firstRangeEnd);
    return stream + 100;
  }

  @Test
  void contentChangedInALaterRevisionIsDetected() throws Exception {
    // The classic attack: append an update that paints over the decision text. Each signature
    // still verifies over its own bytes, but the document is no longer what was sealed.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf =
        new PdfDocument(
            new PdfReader(new ByteArrayInputStream(sealed)),
            new PdfWriter(out),
            new StampingProperties().useAppendMode())) {
      new PdfCanvas(pdf.getPage(1))
          .saveState()
          .setFillColor(ColorConstants.WHITE)
          .rectangle(80, 500, 440, 150)
          .fill()
          .restoreState();
    }
    VerificationReport report = verifier.verify(out.toByteArray());
    assertTrue(report.signed());
    assertTrue(report.signatures().get(0).intact(), "the signed bytes themselves are unchanged");
    assertFalse(report.signatures().get(0).coversWholeDocument());
    assertFalse(report.intact(), report.toString());
    assertFalse(report.valid(), report.toString());
    assertEquals(Indication.TOTAL_PASSED, report.signatures().get(0).indication());
    assertEquals(Indication.TOTAL_FAILED, report.indication());
    assertEquals(SubIndication.NOT_COVERING_WHOLE_DOCUMENT, report.subIndication());
    assertEquals(SubIndication.NOT_COVERING_WHOLE_DOCUMENT.message(), report.message());
  }

  @Test
  void aSealFromAForeignCaIsNotTrusted(@TempDir Path foreignDir) throws Exception {
    SealAuthority foreign = SealAuthority.openOrCreate(foreignDir, "pw".toCharArray(), "冒名中心");
    SealToken forged = foreign.sealFor("SCJGJ", MARKET);
    byte[] forgedPdf =
        new PadesSigner(foreign.timestampAuthority(), foreign)
            .sign(singleDecision, forged, request(singleDecision, "seal-1", 0, MARKET, "王五"));

    VerificationReport report = verifier.verify(forgedPdf);
    assertTrue(report.signed());
    assertTrue(report.intact(), "cryptographically fine");
    assertFalse(report.valid(), report.toString());
    VerificationReport.SignatureReport signature = report.signatures().get(0);
    assertFalse(signature.trusted());
    assertFalse(signature.timestamped(), "the foreign TSA is not trusted either");
    assertFalse(signature.valid());
    assertEquals(Indication.INDETERMINATE, signature.indication());
    assertEquals(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, signature.subIndication());
    assertEquals(SubIndication.NO_CERTIFICATE_CHAIN_FOUND.message(), signature.message());
    assertEquals(Indication.INDETERMINATE, report.indication());
    assertEquals(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, report.subIndication());
    // The same document is fine for whoever trusts the foreign root.
    VerificationReport trustingForeign = new PdfVerifier(foreign.trustAnchors()).verify(forgedPdf);
    assertTrue(trustingForeign.valid());
    assertEquals(Indication.TOTAL_PASSED, trustingForeign.indication());

    String nss = ExternalTools.nssDatabaseTrusting(dir.resolve("nss-foreign"), authority.rootCertificatePem());
    Path file = dir.resolve("forged.pdf");
    Files.write(file, forgedPdf);
    String block = ExternalTools.pdfsigBlocks(nss, file).get(0);
    assertTrue(block.contains("Signature Validation: Signature is Valid."), block);
    assertFalse(block.contains("Certificate is Trusted."), block);
  }

  @Test
  void aBrokenSignatureValueIsACryptoFailureNotAHashFailure() throws Exception {
    // B-B: the CMS ends with the signature value, so its last byte is the last DER byte.
    byte[] plain =
        new PadesSigner().sign(singleDecision, marketSeal, request(singleDecision, "seal-1", 0, MARKET, "张三"));
    int hexDigit = lastSignatureValueHexDigit(plain);
    byte[] broken = plain.clone();
    broken[hexDigit] = (byte) (broken[hexDigit] == '0' ? '1' : '0');

    VerificationReport report = verifier.verify(broken);
    VerificationReport.SignatureReport signature = report.signatures().get(0);
    assertFalse(signature.valid(), signature.toString());
    assertEquals(Indication.TOTAL_FAILED, signature.indication());
    assertEquals(SubIndication.SIG_CRYPTO_FAILURE, signature.subIndication());
    assertEquals(SubIndication.SIG_CRYPTO_FAILURE, report.subIndication());
  }

  /** Offset in the file of the hex digit encoding the last byte of the CMS in /Contents. */
  private static int lastSignatureValueHexDigit(byte[] pdf) throws Exception {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      PdfSignature signature = new SignatureUtil(document).getSignature("seal-1");
      PdfArray range = signature.getByteRange();
      int contentsStart = range.getAsNumber(0).intValue() + range.getAsNumber(1).intValue();
      assertEquals('<', pdf[contentsStart]);
      byte[] contents = signature.getContents().getValueBytes();
      int derLength =
          new org.bouncycastle.asn1.ASN1InputStream(contents).readObject().getEncoded("DER").length;
      return contentsStart + 1 + 2 * (derLength - 1) + 1;
    }
  }

  @Test
  void withoutTimestampItIsABaselineBSignature() throws Exception {
    byte[] plain = new PadesSigner().sign(singleDecision, marketSeal, request(singleDecision, "seal-1", 0, MARKET, "张三"));
    VerificationReport report = verifier.verify(plain);
    assertTrue(report.valid(), report.toString());
    VerificationReport.SignatureReport signature = report.signatures().get(0);
    assertFalse(signature.timestamped());
    assertFalse(signature.validationData(), "B-B: no revocation data in the document");
    assertTrue(signature.coversWholeDocument());
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(plain)))) {
      assertNull(pdf.getCatalog().getPdfObject().get(PdfName.DSS));
    }
  }

  @Test
  void refusesATakenPlaceOrFieldAndPlacesOffThePage() throws Exception {
    SigningException samePlace =
        assertThrows(SigningException.class,
            () -> signer.sign(sealed, healthSeal, request(sealed, "seal-2", 0, HEALTH, "李四")));
    assertTrue(samePlace.getMessage().contains("already carries"), samePlace.getMessage());
    SealPlacement elsewhere = new SealPlacement(1, 300, 300, 100, 100);
    SigningException sameField =
        assertThrows(SigningException.class,
            () -> signer.sign(sealed, healthSeal, request("seal-1", elsewhere, HEALTH, "李四")));
    assertTrue(sameField.getMessage().contains("seal-1"), sameField.getMessage());
    SigningException noSuchPage =
        assertThrows(SigningException.class,
            () -> signer.sign(singleDecision, healthSeal,
                request("seal-2", new SealPlacement(9, 100, 100, 100, 100), HEALTH, "李四")));
    assertTrue(noSuchPage.getMessage().contains("page 9"), noSuchPage.getMessage());
    SigningException offThePage =
        assertThrows(SigningException.class,
            () -> signer.sign(singleDecision, healthSeal,
                request("seal-2", new SealPlacement(1, 550, 100, 119, 119), HEALTH, "李四")));
    assertTrue(offThePage.getMessage().contains("does not lie within"), offThePage.getMessage());
    assertThrows(SigningException.class,
        () -> signer.sign(singleDecision, healthSeal, request("seal-2", null, HEALTH, "李四")));
    assertThrows(SigningException.class,
        () -> signer.sign("not a pdf".getBytes(StandardCharsets.US_ASCII), marketSeal,
            request("seal-1", elsewhere, MARKET, "张三")));
  }

  @Test
  void theRendererRefusesPlacesItDidNotReserve() {
    // The single decision reserved one place only.
    SigningException unreserved =
        assertThrows(SigningException.class, () -> RENDERER.sealPlacement(singleDecision, 1));
    assertTrue(unreserved.getMessage().contains("does not exist"), unreserved.getMessage());
  }

  @Test
  void theSealGoesWhereTheCallerSays() throws Exception {
    // Not a reserved place: the signer takes the placement as given, like DSS's field parameters.
    SealPlacement chosen = new SealPlacement(1, 100, 400, 80, 80);
    byte[] signed =
        new PadesSigner().sign(singleDecision, marketSeal, request("custom", chosen, MARKET, "张三"));
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      var widget = PdfAcroForm.getAcroForm(pdf, false).getField("custom").getWidgets().get(0);
      Rectangle rect = widget.getRectangle().toRectangle();
      assertEquals(1, pdf.getPageNumber(widget.getPage()));
      assertEquals(100, rect.getX(), 0.5);
      assertEquals(400, rect.getY(), 0.5);
      assertEquals(80, rect.getWidth(), 0.5);
      assertEquals(80, rect.getHeight(), 0.5);
    }
    assertTrue(verifier.verify(signed).valid());
  }

  @Test
  void aFailingTokenGivesASigningException() {
    SealToken broken =
        new SealToken() {
          @Override
          public List<X509Certificate> certificateChain() {
            return marketSeal.certificateChain();
          }

          @Override
          public byte[] sign(byte[] data) throws SigningException {
            throw new SigningException("HSM unavailable");
          }
        };
    SigningException e =
        assertThrows(SigningException.class,
            () -> signer.sign(singleDecision, broken, request(singleDecision, "seal-1", 0, MARKET, "张三")));
    assertTrue(e.getMessage().contains("HSM unavailable"), e.getMessage());
  }
}
