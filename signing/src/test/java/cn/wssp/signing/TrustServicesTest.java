package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust services around the seals: three-level chain, the center's own seal, OCSP (served
 * over real HTTP and asked by openssl), CRLs listing revoked seals, re-keying after revocation,
 * and OCSP responses embedded in B-LT signatures.
 */
class TrustServicesTest {

  private static final char[] PASSWORD = "pw".toCharArray();
  private static final String CENTER = "某某市政务服务中心";
  private static final String MARKET = "某某市市场监督管理局";

  @TempDir Path dir;
  private HttpServer server;
  private SealAuthority authority;
  private PkiEndpoints endpoints;

  @BeforeEach
  void start() throws Exception {
    // The responder over HTTP, as the portal serves it: POST application/ocsp-request.
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    endpoints = new PkiEndpoints(base + "/ocsp", base + "/issuing.crl", base + "/issuing.pem");
    authority = SealAuthority.openOrCreate(dir.resolve("pki"), PASSWORD, CENTER, endpoints);
    server.createContext("/ocsp", exchange -> {
      byte[] answer;
      try (InputStream in = exchange.getRequestBody()) {
        answer = authority.ocspResponse(in.readAllBytes());
      } catch (SigningException e) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sealChainsThroughTheIssuingCaToTheRoot() throws Exception {
    List<X509Certificate> chain = authority.sealFor("SCJGJ", MARKET).certificateChain();

    assertEquals(3, chain.size());
    assertTrue(Certificates.issuedBy(chain.get(0), chain.get(1)));
    assertTrue(Certificates.issuedBy(chain.get(1), chain.get(2)));
    assertTrue(Certificates.issuedBy(chain.get(2), chain.get(2)));
    assertEquals(authority.issuingCertificate(), chain.get(1));
    assertEquals(authority.rootCertificate(), chain.get(2));
    assertEquals(List.of(authority.rootCertificate()), authority.trustAnchors());
  }

  @Test
  void sealNamesTheOcspResponderAndTheCrl() throws Exception {
    X509Certificate seal = authority.sealFor("SCJGJ", MARKET).certificateChain().get(0);

    assertEquals(endpoints.ocspUrl(), Certificates.ocspUrl(seal));
    CRLDistPoint points =
        CRLDistPoint.getInstance(
            ASN1OctetString.getInstance(
                    seal.getExtensionValue(Extension.cRLDistributionPoints.getId()))
                .getOctets());
    assertTrue(points.toString().contains(endpoints.crlUrl()), points.toString());
  }

  @Test
  void centerSealIsTheAcceptanceSeal() throws Exception {
    X509Certificate seal = authority.centerSeal().certificateChain().get(0);

    assertEquals(CENTER + " 受理专用章", Certificates.attribute(seal, org.bouncycastle.asn1.x500.style.BCStyle.CN));
    assertEquals(SealAuthority.CENTER_CODE, Certificates.attribute(seal, org.bouncycastle.asn1.x500.style.BCStyle.OU));
    assertTrue(Certificates.issuedBy(seal, authority.issuingCertificate()));
    // A department's seal is a different key and certificate.
    assertNotEquals(seal, authority.sealFor("SCJGJ", MARKET).certificateChain().get(0));
    assertEquals(seal, authority.centerSeal().certificateChain().get(0));
  }

  @Test
  void ocspSaysGoodThenRevokedAndTheSealIsReplaced() throws Exception {
    SealToken old = authority.sealFor("SCJGJ", MARKET);
    X509Certificate oldCertificate = old.certificateChain().get(0);
    assertEquals(CertificateStatus.GOOD, ocspStatus(oldCertificate));
    assertEquals("ACTIVE", statusOf(oldCertificate));

    SealInfo revoked = authority.revoke(oldCertificate.getSerialNumber().toString(16));

    assertEquals(SealInfo.Status.REVOKED, revoked.status());
    assertEquals("SCJGJ", revoked.holderCode());
    assertTrue(ocspStatus(oldCertificate) instanceof RevokedStatus);
    assertEquals("REVOKED", statusOf(oldCertificate));
    // The seal held before the revocation refuses to sign, in words an official understands.
    SigningException refused = assertThrows(SigningException.class, () -> old.sign(new byte[] {1}));
    assertTrue(refused.getMessage().contains("已") && refused.getMessage().contains("吊销"), refused.getMessage());
    // Re-keyed: a new certificate and key for the same department, good and signing.
    SealToken renewed = authority.sealFor("SCJGJ", MARKET);
    X509Certificate newCertificate = renewed.certificateChain().get(0);
    assertNotEquals(oldCertificate.getSerialNumber(), newCertificate.getSerialNumber());
    assertNotEquals(oldCertificate.getPublicKey(), newCertificate.getPublicKey());
    assertEquals(CertificateStatus.GOOD, ocspStatus(newCertificate));
    assertEquals("ACTIVE", statusOf(newCertificate));
    assertNotNull(renewed.sign(new byte[] {1}));
    // The CRL lists the revoked seal only.
    X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
        .generateCRL(new ByteArrayInputStream(authority.issuingCrl()));
    crl.verify(authority.issuingCertificate().getPublicKey());
    assertTrue(crl.isRevoked(oldCertificate));
    assertFalse(crl.isRevoked(newCertificate));
    // Restart: the revocation and the new seal are still there.
    SealAuthority reopened = SealAuthority.openOrCreate(dir.resolve("pki"), PASSWORD, CENTER, endpoints);
    assertTrue(reopened.isRevoked(oldCertificate));
    assertEquals(newCertificate, reopened.sealFor("SCJGJ", MARKET).certificateChain().get(0));
    // Unknown ids change nothing.
    assertNull(authority.revoke("abcdef"));
    assertNull(authority.revoke("not hex"));
  }

  @Test
  void opensslAsksTheResponderOverHttp() throws Exception {
    ExternalTools.require("openssl", "openssl");
    X509Certificate seal = authority.sealFor("SCJGJ", MARKET).certificateChain().get(0);
    Path issuer = dir.resolve("issuing.pem");
    Path sealPem = dir.resolve("seal.pem");
    Path root = dir.resolve("root.pem");
    Files.writeString(issuer, authority.issuingCertificatePem(), StandardCharsets.US_ASCII);
    Files.writeString(sealPem, Certificates.pem(seal), StandardCharsets.US_ASCII);
    Files.writeString(root, authority.rootCertificatePem(), StandardCharsets.US_ASCII);

    String good = openssl(issuer, sealPem, root);
    assertTrue(good.contains(sealPem + ": good"), good);
    assertTrue(good.contains("Response verify OK"), good);

    authority.revoke(seal.getSerialNumber().toString(16));

    String revoked = openssl(issuer, sealPem, root);
    assertTrue(revoked.contains(sealPem + ": revoked"), revoked);
  }

  /**
   * The TSA's tokens, checked by openssl: a request made by {@code openssl ts -query}, answered
   * by the portal's TSA, verifies against the data and the root ({@code openssl ts -verify}),
   * under the portal's policy; a response for other data does not.
   */
  @Test
  void opensslVerifiesTheTimestampAuthoritysTokens() throws Exception {
    ExternalTools.require("openssl", "openssl");
    Path data = dir.resolve("decision.pdf");
    Files.writeString(data, "准予行政许可决定书", StandardCharsets.UTF_8);
    Path query = dir.resolve("request.tsq");
    ExternalTools.Output made = ExternalTools.run("openssl", "ts", "-query", "-data", data.toString(),
        "-sha256", "-cert", "-out", query.toString());
    assertEquals(0, made.exitCode(), made.text());
    Path reply = dir.resolve("reply.tsr");
    Files.write(reply, authority.timestampAuthority().respond(Files.readAllBytes(query)));
    Path root = dir.resolve("root.pem");
    Path issuing = dir.resolve("issuing.pem");
    Files.writeString(root, authority.rootCertificatePem(), StandardCharsets.US_ASCII);
    Files.writeString(issuing, authority.issuingCertificatePem(), StandardCharsets.US_ASCII);

    ExternalTools.Output verified = ExternalTools.run("openssl", "ts", "-verify", "-data",
        data.toString(), "-in", reply.toString(), "-CAfile", root.toString(), "-untrusted",
        issuing.toString());
    assertTrue(verified.exitCode() == 0 && verified.text().contains("Verification: OK"),
        verified.text());
    ExternalTools.Output shown = ExternalTools.run("openssl", "ts", "-reply", "-in",
        reply.toString(), "-text");
    assertTrue(shown.text().contains(InternalTimestampAuthority.POLICY_OID), shown.text());
    assertTrue(shown.text().contains("Status: Granted"), shown.text());

    Path other = dir.resolve("other.pdf");
    Files.writeString(other, "不予行政许可决定书", StandardCharsets.UTF_8);
    ExternalTools.Output refused = ExternalTools.run("openssl", "ts", "-verify", "-data",
        other.toString(), "-in", reply.toString(), "-CAfile", root.toString(), "-untrusted",
        issuing.toString());
    assertFalse(refused.text().contains("Verification: OK"), refused.text());
  }

  @Test
  void unknownAndMalformedRequests() throws Exception {
    X509Certificate seal = authority.sealFor("SCJGJ", MARKET).certificateChain().get(0);
    CertificateID unknown =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(authority.issuingCertificate()),
            seal.getSerialNumber().add(BigInteger.ONE));
    OCSPResp answer =
        new OCSPResp(authority.ocspResponse(new OCSPReqBuilder().addRequest(unknown).build().getEncoded()));
    assertTrue(((BasicOCSPResp) answer.getResponseObject()).getResponses()[0].getCertStatus()
        instanceof UnknownStatus);

    OCSPResp malformed = new OCSPResp(authority.ocspResponse("no OCSP".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, malformed.getStatus());
  }

  @Test
  void bltSignatureEmbedsTheOcspResponseAndVerifies() throws Exception {
    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority, authority);
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    byte[] pdf = renderer.render(SampleDocuments.decision(1));
    byte[] sealed =
        signer.sign(pdf, authority.sealFor("SCJGJ", MARKET),
            new SignatureRequest("seal-1", renderer.sealPlacement(pdf, 0), MARKET, "张三", "准予行政许可", CENTER));

    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(sealed);
    assertEquals(Indication.TOTAL_PASSED, report.indication(), report.toString());
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(sealed)))) {
      PdfDictionary dss = document.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
      PdfArray ocsps = dss.getAsArray(PdfName.OCSPs);
      assertNotNull(ocsps, "the DSS holds OCSP responses");
      OCSPResp embedded = new OCSPResp(((PdfStream) ocsps.get(0)).getBytes());
      BasicOCSPResp basic = (BasicOCSPResp) embedded.getResponseObject();
      assertTrue(basic.isSignatureValid(
          new JcaContentVerifierProviderBuilder().build(authority.issuingCertificate().getPublicKey())));
      assertEquals(CertificateStatus.GOOD, basic.getResponses()[0].getCertStatus());
      assertNotNull(dss.getAsArray(PdfName.CRLs), "CRLs are kept too");
    }

    // pdfsig (NSS) trusting only the root: valid, and its online OCSP check reaches our responder.
    String nss = ExternalTools.nssDatabaseTrusting(dir.resolve("nss"), authority.rootCertificatePem());
    Path file = dir.resolve("sealed.pdf");
    Files.write(file, sealed);
    List<String> blocks = ExternalTools.pdfsigBlocks(nss, file);
    assertEquals(1, blocks.size());
    assertTrue(blocks.get(0).contains("Signature Validation: Signature is Valid."), blocks.get(0));
    assertTrue(blocks.get(0).contains("Certificate Validation: Certificate is Trusted."), blocks.get(0));
  }

  @Test
  void sealsIssuedBeforeTheResponderAreRecordedAndReplaced(@TempDir Path old) throws Exception {
    // An installation of the previous version: seals without OCSP/CRL URLs, no register.
    SealAuthority before = SealAuthority.openOrCreate(old, PASSWORD, CENTER);
    X509Certificate oldSeal = before.sealFor("SCJGJ", MARKET).certificateChain().get(0);
    assertNull(Certificates.ocspUrl(oldSeal));
    Files.deleteIfExists(old.resolve(SealRegister.ISSUED_DIR).resolve(SealRegister.hex(oldSeal.getSerialNumber()) + ".pem"));

    SealAuthority after = SealAuthority.openOrCreate(old, PASSWORD, CENTER, endpoints);

    assertEquals(before.rootCertificate(), after.rootCertificate());
    assertEquals(CertificateStatus.GOOD, ocspStatus(after, oldSeal));
    X509Certificate newSeal = after.sealFor("SCJGJ", MARKET).certificateChain().get(0);
    assertNotEquals(oldSeal, newSeal);
    assertEquals(endpoints.ocspUrl(), Certificates.ocspUrl(newSeal));
    assertEquals(CertificateStatus.GOOD, ocspStatus(after, newSeal));
    assertArrayEquals(before.rootCertificate().getEncoded(), after.trustAnchors().get(0).getEncoded());
  }

  @Test
  void rootKeyCanStayOfflineOnceTheIssuingCaExists(@TempDir Path pki, @TempDir Path usbStick)
      throws Exception {
    Path rootStore = usbStick.resolve("root-ca.p12");
    SealAuthority created =
        SealAuthority.openOrCreate(pki, PASSWORD, CENTER, endpoints, null, rootStore);
    assertTrue(Files.exists(rootStore), "the root key went to the offline store");
    java.security.KeyStore ca = java.security.KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pki.resolve(PkiKeyStore.CA_STORE))) {
      ca.load(in, PASSWORD);
    }
    assertFalse(ca.isKeyEntry("root-ca"), "ca.p12 holds the root's certificate only");
    assertTrue(ca.isKeyEntry("issuing-ca"));

    // The medium is removed: the portal still seals, timestamps and serves revocation data.
    Files.delete(rootStore);
    SealAuthority offline =
        SealAuthority.openOrCreate(pki, PASSWORD, CENTER, endpoints, null, rootStore);
    assertEquals(created.rootCertificate(), offline.rootCertificate());
    assertEquals(created.issuingCertificate(), offline.issuingCertificate());
    assertTrue(offline.isUsable());
    X509CRL rootCrl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
        new ByteArrayInputStream(offline.crlsFor(offline.issuingCertificate()).get(0)));
    rootCrl.verify(offline.rootCertificate().getPublicKey());
    assertFalse(rootCrl.isRevoked(offline.issuingCertificate()));
    PadesSigner signer = new PadesSigner(offline.timestampAuthority(), offline, offline);
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    byte[] pdf = renderer.render(SampleDocuments.decision(1));
    byte[] sealed = signer.sign(pdf, offline.sealFor("SCJGJ", MARKET), new SignatureRequest(
        "seal-1", renderer.sealPlacement(pdf, 0), MARKET, "张三", "准予行政许可", CENTER));
    assertEquals(Indication.TOTAL_PASSED,
        new PdfVerifier(offline.trustAnchors()).verify(sealed).indication());
  }

  // ---------------------------------------------------------------------------------------------

  private CertificateStatus ocspStatus(X509Certificate certificate) throws Exception {
    return ocspStatus(authority, certificate);
  }

  private static CertificateStatus ocspStatus(SealAuthority authority, X509Certificate certificate)
      throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(authority.issuingCertificate()),
            certificate.getSerialNumber());
    OCSPResp response =
        new OCSPResp(authority.ocspResponse(new OCSPReqBuilder().addRequest(id).build().getEncoded()));
    assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    assertTrue(basic.isSignatureValid(
        new JcaContentVerifierProviderBuilder().build(authority.issuingCertificate().getPublicKey())));
    return basic.getResponses()[0].getCertStatus();
  }

  private String statusOf(X509Certificate certificate) throws SigningException {
    String id = certificate.getSerialNumber().toString(16);
    return authority.seals().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow()
        .status()
        .name();
  }

  private String openssl(Path issuer, Path seal, Path root) throws Exception {
    ExternalTools.Output output =
        ExternalTools.run("openssl", "ocsp", "-issuer", issuer.toString(), "-cert", seal.toString(),
            "-CAfile", root.toString(), "-url", endpoints.ocspUrl());
    return output.text();
  }
}
