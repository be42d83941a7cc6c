package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM2 with SM3 seals (GB/T 32918, GB/T 32905) as a department's option (§6): made through Bouncy
 * Castle, accepted by the portal's verifier with timestamp and validation data like an RSA seal,
 * and checked independently with OpenSSL (which can verify the SM3 digest and the SM2 signature,
 * though its CMS command cannot: it does not set the SM2 user id GM/T 0009 prescribes).
 */
class NationalAlgorithmsTest {

  private static final String MARKET = "某某市市场监督管理局";
  private static final String CENTER = "某某市政务服务中心";
  private static final OfficialDocumentRenderer RENDERER = new OfficialDocumentRenderer();

  @TempDir static Path dir;
  private static SealAuthority authority;
  private static SealToken sm2Seal;
  private static byte[] signed;

  @BeforeAll
  static void setUp() throws Exception {
    authority = SealAuthority.openOrCreate(dir.resolve("pki"), "pw".toCharArray(), CENTER);
    sm2Seal = authority.sealFor("SM2DEMO", MARKET, SealAlgorithm.SM2);
    byte[] decision = RENDERER.render(SampleDocuments.decision(1));
    signed =
        new PadesSigner(authority.timestampAuthority(), authority, authority)
            .sign(decision, sm2Seal, request(decision, "seal-1", 0));
  }

  private static SignatureRequest request(byte[] pdf, String field, int slot)
      throws SigningException {
    return new SignatureRequest(
        field, RENDERER.sealPlacement(pdf, slot), MARKET, "张三", "准予行政许可", CENTER);
  }

  @Test
  void theSealIsAnSm2KeyCertifiedByTheCentersCa() throws Exception {
    X509Certificate certificate = sm2Seal.certificateChain().get(0);
    assertEquals(SealAlgorithm.SM2, sm2Seal.algorithm());
    assertEquals(SealAlgorithm.SM2, SealAlgorithm.of(certificate));
    assertEquals(3, sm2Seal.certificateChain().size());
    assertTrue(Certificates.issuedBy(certificate, authority.issuingCertificate()));
    assertEquals(MARKET + " 行政许可专用章",
        Certificates.attribute(certificate, org.bouncycastle.asn1.x500.style.BCStyle.CN));
  }

  @Test
  void theSignatureIsSm3WithSm2AndThePortalVerifierAcceptsIt() throws Exception {
    SignerInformation signer = signerOf(signed);
    assertEquals(GMObjectIdentifiers.sm3.getId(), signer.getDigestAlgOID());
    assertEquals(GMObjectIdentifiers.sm2sign_with_sm3.getId(), signer.getEncryptionAlgOID());

    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(signed);
    assertTrue(report.valid(), report.toString());
    VerificationReport.SignatureReport signature = report.signatures().get(0);
    assertTrue(signature.timestamped(), report.toString());
    assertTrue(signature.trusted(), report.toString());
    assertTrue(signature.validationData(), report.toString());
    assertEquals("SM2/SM3", signature.algorithm());
    assertEquals(MARKET, signature.department());
    // B-LT: the validation data for the SM2 seal's chain is in the document security store.
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      var dss = document.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
      assertTrue(dss != null && dss.getAsArray(PdfName.OCSPs) != null, "no OCSP response in DSS");
      assertTrue(dss.getAsArray(PdfName.CRLs) != null, "no CRL in DSS");
    }
  }

  @Test
  void aChangedDocumentOrAForgedSignatureFails() throws Exception {
    byte[] tampered = signed.clone();
    int at = indexOf(tampered, "/Producer".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    tampered[at + 2] ^= 1;
    VerificationReport changed = new PdfVerifier(authority.trustAnchors()).verify(tampered);
    assertFalse(changed.valid(), changed.toString());

    // The same certificate with another SM2 key: the signature must not verify.
    SealToken impostor =
        new Pkcs12SealToken(SealAlgorithm.SM2.newKeyPair().getPrivate(), sm2Seal.certificateChain());
    byte[] decision = RENDERER.render(SampleDocuments.decision(1));
    byte[] forged = new PadesSigner().sign(decision, impostor, request(decision, "seal-1", 0));
    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(forged);
    assertFalse(report.valid(), report.toString());
    assertEquals(SubIndication.SIG_CRYPTO_FAILURE, report.signatures().get(0).subIndication());
  }

  @Test
  void openSslConfirmsTheDigestTheSignatureAndTheChain() throws Exception {
    ExternalTools.require("openssl", "openssl");
    Path work = Files.createDirectories(dir.resolve("openssl"));
    SignerInformation signer = signerOf(signed);
    Files.write(work.resolve("content.bin"), signedRanges(signed));
    Files.write(work.resolve("attributes.der"), signer.getEncodedSignedAttributes());
    Files.write(work.resolve("signature.bin"), signer.getSignature());
    Files.writeString(work.resolve("seal.pem"), Certificates.pem(sm2Seal.certificateChain().get(0)));
    Files.writeString(work.resolve("issuing.pem"), Certificates.pem(authority.issuingCertificate()));
    Files.writeString(work.resolve("root.pem"), authority.rootCertificatePem());

    // 1. SM3 of the signed byte ranges is the message digest the signature covers.
    ExternalTools.Output digest =
        ExternalTools.run("openssl", "dgst", "-sm3", "-r", work.resolve("content.bin").toString());
    assertEquals(0, digest.exitCode(), digest.text());
    byte[] recorded =
        ASN1OctetString.getInstance(
                signer.getSignedAttributes().get(CMSAttributes.messageDigest)
                    .getAttrValues().getObjectAt(0))
            .getOctets();
    assertEquals(Hex.toHexString(recorded), digest.text().split(" ")[0].strip());

    // 2. The SM2 signature over the signed attributes, with the default user id of GM/T 0009.
    ExternalTools.run("openssl", "x509", "-in", work.resolve("seal.pem").toString(), "-pubkey",
        "-noout", "-out", work.resolve("seal-key.pem").toString());
    ExternalTools.Output verified =
        ExternalTools.run("openssl", "dgst", "-sm3", "-verify", work.resolve("seal-key.pem").toString(),
            "-sigopt", "distid:1234567812345678", "-signature", work.resolve("signature.bin").toString(),
            work.resolve("attributes.der").toString());
    assertEquals(0, verified.exitCode(), verified.text());
    assertTrue(verified.text().contains("Verified OK"), verified.text());
    // ... and not with one bit of the signed attributes changed.
    byte[] altered = signer.getEncodedSignedAttributes();
    altered[altered.length - 1] ^= 1;
    Files.write(work.resolve("altered.der"), altered);
    ExternalTools.Output refused =
        ExternalTools.run("openssl", "dgst", "-sm3", "-verify", work.resolve("seal-key.pem").toString(),
            "-sigopt", "distid:1234567812345678", "-signature", work.resolve("signature.bin").toString(),
            work.resolve("altered.der").toString());
    assertNotEquals(0, refused.exitCode(), refused.text());

    // 3. The seal certificate chains to the center's root.
    ExternalTools.Output chain =
        ExternalTools.run("openssl", "verify", "-CAfile", work.resolve("root.pem").toString(),
            "-untrusted", work.resolve("issuing.pem").toString(), work.resolve("seal.pem").toString());
    assertEquals(0, chain.exitCode(), chain.text());
  }

  @Test
  void aDepartmentThatChangesAlgorithmGetsANewSealWhichSurvivesARestart() throws Exception {
    Path pki = dir.resolve("switch");
    SealAuthority ca = SealAuthority.openOrCreate(pki, "pw".toCharArray(), CENTER);
    SealToken rsa = ca.sealFor("SWITCH", MARKET);
    SealToken sm2 = ca.sealFor("SWITCH", MARKET, SealAlgorithm.SM2);
    assertEquals(SealAlgorithm.RSA, rsa.algorithm());
    assertEquals(SealAlgorithm.SM2, sm2.algorithm());
    assertNotEquals(rsa.certificateChain().get(0), sm2.certificateChain().get(0));

    SealAuthority reopened = SealAuthority.openOrCreate(pki, "pw".toCharArray(), CENTER);
    SealToken again = reopened.sealFor("SWITCH", MARKET, SealAlgorithm.SM2);
    assertArrayEquals(
        sm2.certificateChain().get(0).getEncoded(), again.certificateChain().get(0).getEncoded(),
        "the SM2 seal must be read back from its store, not made anew");
    // The register knows the SM2 seal (for OCSP and the seal list), the RSA one superseded.
    var seals = reopened.seals();
    assertEquals(SealInfo.Status.ACTIVE, statusOf(seals, sm2.certificateChain().get(0)));
    assertEquals(SealInfo.Status.SUPERSEDED, statusOf(seals, rsa.certificateChain().get(0)));

    SealToken back = reopened.sealFor("SWITCH", MARKET, SealAlgorithm.RSA);
    assertEquals(SealAlgorithm.RSA, back.algorithm());
    assertNotEquals(rsa.certificateChain().get(0), back.certificateChain().get(0));
    assertEquals(SealAlgorithm.RSA,
        SealAuthority.openOrCreate(pki, "pw".toCharArray(), CENTER)
            .sealFor("SWITCH", MARKET).algorithm());
  }

  private static SealInfo.Status statusOf(java.util.List<SealInfo> seals, X509Certificate c) {
    String serial = c.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    return seals.stream().filter(s -> s.serialNumber().equals(serial)).findFirst()
        .orElseThrow().status();
  }

  private static SignerInformation signerOf(byte[] pdf) throws Exception {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      PdfSignature signature = new SignatureUtil(document).getSignature("seal-1");
      return new CMSSignedData(signature.getContents().getValueBytes())
          .getSignerInfos().getSigners().iterator().next();
    }
  }

  private static byte[] signedRanges(byte[] pdf) throws Exception {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      PdfArray ranges = new SignatureUtil(document).getSignature("seal-1").getByteRange();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i + 1 < ranges.size(); i += 2) {
        out.write(pdf, ranges.getAsNumber(i).intValue(), ranges.getAsNumber(i + 1).intValue());
      }
      return out.toByteArray();
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
