package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The center's trust services over real HTTP on a portal of its own (it revokes a seal): the
 * three-level chain in issued documents, the center's 受理专用章 on notices and the department's
 * seal on decisions, openssl asking the OCSP responder the seal names (good, then revoked after
 * the administrator revokes it), the CRL, the GET form of OCSP, and a re-keyed department that
 * keeps issuing decisions.
 */
class PkiIT {
  private static final Path WORK = Path.of("target", "pki-it").toAbsolutePath();

  @Test
  void sealsChainToTheRootAndOcspFollowsRevocation() throws Exception {
    Files.createDirectories(WORK);
    try (RunningPortal portal = RunningPortal.dedicated("pki")) {
      portal.start();
      Api anonymous = Api.anonymous(portal);
      String rootPem = anonymous.get("/api/v1/pki/ca.pem").text();
      String issuingPem = anonymous.get("/api/v1/pki/issuing.pem").text();
      Path root = write("root.pem", rootPem);
      Path issuing = write("issuing.pem", issuingPem);

      Issued first = issueOne(portal);

      // Notice: the center's 受理专用章; decision: the department's 行政许可专用章.
      List<X509Certificate> noticeChain = chain(first.notice());
      List<X509Certificate> decisionChain = chain(first.decision());
      assertEquals(3, noticeChain.size(), "seal, issuing CA, root");
      assertEquals(3, decisionChain.size(), "seal, issuing CA, root");
      assertTrue(cn(noticeChain.get(0)).endsWith(" 受理专用章"), cn(noticeChain.get(0)));
      assertTrue(cn(decisionChain.get(0)).endsWith("市场监督管理局 行政许可专用章"), cn(decisionChain.get(0)));
      X509Certificate rootCertificate = certificate(rootPem);
      X509Certificate issuingCertificate = certificate(issuingPem);
      for (List<X509Certificate> chain : List.of(noticeChain, decisionChain)) {
        chain.get(0).verify(issuingCertificate.getPublicKey());
        assertEquals(issuingCertificate, chain.get(1));
        chain.get(1).verify(rootCertificate.getPublicKey());
        assertEquals(rootCertificate, chain.get(2));
      }
      String pdfsig = Pdfsig.report(WORK, first.decision(), rootPem);
      assertTrue(pdfsig.contains("Signature Validation: Signature is Valid."), pdfsig);
      assertTrue(pdfsig.contains("Certificate Validation: Certificate is Trusted."), pdfsig);

      // openssl, at the responder the seal certificate names: good.
      X509Certificate seal = decisionChain.get(0);
      Path sealPem = write("seal.pem", pem(seal));
      String ocspUrl = openssl("x509", "-noout", "-ocsp_uri", "-in", sealPem.toString()).strip();
      assertEquals(portal.url() + "/pki/ocsp", ocspUrl);
      String good = openssl("ocsp", "-issuer", issuing.toString(), "-cert", sealPem.toString(),
          "-CAfile", root.toString(), "-url", ocspUrl);
      assertTrue(good.contains(sealPem + ": good"), good);
      assertTrue(good.contains("Response verify OK"), good);

      // The administrator lists the seals and revokes the department's.
      Api admin = Api.login(portal, "admin");
      String serial = seal.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
      JsonObject listed = sealWithSerial(admin, serial);
      assertEquals("SCJG", listed.getString("department"));
      assertEquals("ACTIVE", listed.getString("status"));
      assertEquals(seal.getNotAfter().toInstant().toString(), listed.getString("notAfter"));
      assertEquals(403, Api.login(portal, "clerk").post(
          "/api/v1/admin/seals/" + listed.getString("id") + "/revoke", null).status());
      Api.Reply revoked = admin.post("/api/v1/admin/seals/" + listed.getString("id") + "/revoke", null);
      assertEquals(200, revoked.status(), revoked.toString());
      assertEquals("REVOKED", revoked.json().getString("status"));
      assertEquals(404, admin.post("/api/v1/admin/seals/abc123/revoke", null).status());

      String nowRevoked = openssl("ocsp", "-issuer", issuing.toString(), "-cert", sealPem.toString(),
          "-CAfile", root.toString(), "-url", ocspUrl);
      assertTrue(nowRevoked.contains(sealPem + ": revoked"), nowRevoked);
      assertEquals("REVOKED", sealWithSerial(admin, serial).getString("status"));

      // GET form (RFC 6960 A.1): base64 of the DER request, URL-encoded, after the URL.
      CertificateID id = new CertificateID(
          new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
          new JcaX509CertificateHolder(issuingCertificate), seal.getSerialNumber());
      // '/' of base 64 travels unescaped: the server (Grizzly) refuses %2F in paths by default.
      String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(
          new OCSPReqBuilder().addRequest(id).build().getEncoded()), StandardCharsets.UTF_8)
          .replace("%2F", "/");
      Api.Reply viaGet = anonymous.get("/pki/ocsp/" + encoded);
      assertEquals(200, viaGet.status(), viaGet.toString());
      assertEquals("application/ocsp-response", viaGet.contentType());
      BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(viaGet.body()).getResponseObject();
      assertTrue(basic.getResponses()[0].getCertStatus() instanceof RevokedStatus);

      // The CRL the seal names lists it too.
      Api.Reply crlReply = anonymous.get("/pki/issuing.crl");
      assertEquals(200, crlReply.status());
      X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
          .generateCRL(new ByteArrayInputStream(crlReply.body()));
      crl.verify(issuingCertificate.getPublicKey());
      assertTrue(crl.isRevoked(seal));

      // The department was re-keyed: the next decision carries a new, good seal.
      Issued second = issueOne(portal);
      X509Certificate newSeal = chain(second.decision()).get(0);
      assertNotEquals(seal.getSerialNumber(), newSeal.getSerialNumber());
      assertEquals(cn(seal), cn(newSeal));
      Path newSealPem = write("seal-new.pem", pem(newSeal));
      String newGood = openssl("ocsp", "-issuer", issuing.toString(), "-cert", newSealPem.toString(),
          "-CAfile", root.toString(), "-url", ocspUrl);
      assertTrue(newGood.contains(newSealPem + ": good"), newGood);
      assertEquals("ACTIVE", sealWithSerial(admin,
          newSeal.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)).getString("status"));
      String secondReport = Pdfsig.report(WORK, second.decision(), rootPem);
      assertTrue(secondReport.contains("Certificate Validation: Certificate is Trusted."), secondReport);

      // SM2/SM3 as the department's option: only the administrator sets it, unknown names are
      // refused with the field named, and the department is re-keyed with an SM2 seal at once.
      String sm2 = "{\"algorithm\":\"SM2\"}";
      assertEquals(403, Api.login(portal, "clerk")
          .put("/api/v1/admin/departments/SCJG/seal-algorithm", sm2).status());
      Api.Reply unknown = admin.put("/api/v1/admin/departments/SCJG/seal-algorithm",
          "{\"algorithm\":\"DSA\"}");
      assertEquals(400, unknown.status(), unknown.toString());
      assertTrue(unknown.text().contains("algorithm"), unknown.toString());
      Api.Reply switched = admin.put("/api/v1/admin/departments/SCJG/seal-algorithm", sm2);
      assertEquals(200, switched.status(), switched.toString());
      assertEquals("SM2", switched.json().getString("sealAlgorithm"));
      assertTrue(admin.get("/api/v1/admin/departments").text().contains("\"sealAlgorithm\":\"SM2\""));

      Issued third = issueOne(portal);
      X509Certificate sm2Seal = chain(third.decision()).get(0);
      assertEquals("EC", sm2Seal.getPublicKey().getAlgorithm());
      assertEquals("1.2.156.10197.1.301", org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
          .getInstance(sm2Seal.getPublicKey().getEncoded()).getAlgorithm().getParameters().toString());
      assertEquals(cn(seal), cn(sm2Seal));
      // The portal's verifier accepts it, timestamped; the notice keeps the center's RSA seal.
      Api.Reply verified = anonymous.postFile("/api/v1/verify", "sm2.pdf", third.decision());
      assertEquals(200, verified.status(), verified.toString());
      assertTrue(verified.json().getBoolean("valid"), verified.toString());
      JsonObject sm2Signature = verified.json().getJsonArray("signatures").getJsonObject(0);
      assertTrue(sm2Signature.getBoolean("timestamped"), verified.toString());
      assertEquals("SM2/SM3", sm2Signature.getString("algorithm"), verified.toString());
      assertTrue(sm2Signature.getBoolean("validationData"), verified.toString());
      assertEquals("RSA", chain(third.notice()).get(0).getPublicKey().getAlgorithm());
      // OCSP answers for the SM2 seal as for any other.
      Path sm2Pem = write("seal-sm2.pem", pem(sm2Seal));
      String sm2Good = openssl("ocsp", "-issuer", issuing.toString(), "-cert", sm2Pem.toString(),
          "-CAfile", root.toString(), "-url", ocspUrl);
      assertTrue(sm2Good.contains(sm2Pem + ": good"), sm2Good);
    }
  }

  record Issued(byte[] notice, byte[] decision) {}

  /** One 营业执照遗失补领 through acceptance (notice) and approval (decision). */
  private static Issued issueOne(RunningPortal portal) throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0002");
    ApiJourneyIT.upload(applicant, id, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, id);
    ApiJourneyIT.awaitStatus(applicant, id, "PRE_REVIEWED");
    Api.Reply accepted = Api.login(portal, "clerk").post("/api/v1/applications/" + id + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    int notice = accepted.json().getJsonObject("document").getInt("id");
    Api.Reply decided = Api.login(portal, "chief-b").post("/api/v1/applications/" + id + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予补领营业执照。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    int decision = decided.json().getJsonObject("document").getInt("id");
    return new Issued(ApiJourneyIT.download(applicant, notice), ApiJourneyIT.download(applicant, decision));
  }

  private static JsonObject sealWithSerial(Api admin, String serial) throws Exception {
    Api.Reply list = admin.get("/api/v1/admin/seals");
    assertEquals(200, list.status(), list.toString());
    return list.structure().asJsonArray().stream().map(JsonValue::asJsonObject)
        .filter(s -> s.getString("serial").equals(serial)).findFirst()
        .orElseThrow(() -> new AssertionError("no seal " + serial + " in " + list));
  }

  private static List<X509Certificate> chain(byte[] pdf) throws Exception {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      PdfPKCS7 signature = new SignatureUtil(document).readSignatureData("seal-1");
      Certificate[] chain = signature.getSignCertificateChain();
      return java.util.Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
    }
  }

  private static String cn(X509Certificate certificate) {
    for (var rdn : new org.bouncycastle.asn1.x500.X500Name(
        certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253))
        .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)) {
      return rdn.getFirst().getValue().toString();
    }
    return "";
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  private static Path write(String name, String content) throws Exception {
    Path file = WORK.resolve(System.nanoTime() + "-" + name);
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    return file;
  }

  private static String openssl(String... arguments) throws Exception {
    Pdfsig.requireTool("openssl", "openssl");
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    return Pdfsig.run(command);
  }
}
