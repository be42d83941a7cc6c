package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealAuthorityTest {

  private static final char[] PASSWORD = "correct horse".toCharArray();
  private static final String CENTER = "某某市政务服务中心";

  @TempDir static Path pki;
  private static SealAuthority authority;

  @BeforeAll
  static void createAuthority() throws Exception {
    authority = SealAuthority.openOrCreate(pki, PASSWORD, CENTER);
  }

  @Test
  void reopeningGivesTheSameCaAndSeals() throws Exception {
    SealToken seal = authority.sealFor("SCJGJ", "某某市市场监督管理局");

    SealAuthority reopened = SealAuthority.openOrCreate(pki, PASSWORD, "another name is ignored");

    assertEquals(authority.rootCertificate(), reopened.rootCertificate());
    assertArrayEquals(
        authority.rootCertificate().getEncoded(), reopened.rootCertificate().getEncoded());
    assertEquals(authority.issuingCertificate(), reopened.issuingCertificate());
    SealToken again = reopened.sealFor("SCJGJ", "某某市市场监督管理局");
    assertEquals(seal.certificateChain(), again.certificateChain());
    // Same key: a signature by the reopened token verifies with the original certificate.
    byte[] data = "同一把章".getBytes(StandardCharsets.UTF_8);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(seal.certificateChain().get(0).getPublicKey());
    verifier.update(data);
    assertTrue(verifier.verify(again.sign(data)));
  }

  @Test
  void wrongPasswordFailsClearly() {
    SigningException e =
        assertThrows(
            SigningException.class,
            () -> SealAuthority.openOrCreate(pki, "wrong".toCharArray(), CENTER));
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
  }

  @Test
  void writesTheRootCertificateAsPem() throws Exception {
    Path pem = pki.resolve("root-ca.pem");
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    assertEquals(authority.rootCertificatePem(), text);
    X509Certificate parsed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(pem));
    assertEquals(authority.rootCertificate(), parsed);
    assertEquals(List.of(authority.rootCertificate()), authority.trustAnchors());
  }

  @Test
  void caCertificatesHaveCaExtensions() throws Exception {
    X509Certificate root = authority.rootCertificate();
    X509Certificate issuing = authority.issuingCertificate();

    assertEquals(CENTER + " 根证书", Certificates.attribute(root, org.bouncycastle.asn1.x500.style.BCStyle.CN));
    root.verify(root.getPublicKey());
    issuing.verify(root.getPublicKey());
    assertTrue(root.getBasicConstraints() >= 0, "root is a CA");
    assertEquals(0, issuing.getBasicConstraints(), "issuing CA with pathLen 0");
    for (X509Certificate ca : List.of(root, issuing)) {
      boolean[] usage = ca.getKeyUsage();
      assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
      assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
    }
    assertArrayEquals(subjectKeyId(root), authorityKeyId(issuing));
    assertArrayEquals(subjectKeyId(root), authorityKeyId(root));
    long years = (root.getNotAfter().getTime() - root.getNotBefore().getTime()) / (365L * 86_400_000);
    assertEquals(20, years, 1);
    years = (issuing.getNotAfter().getTime() - issuing.getNotBefore().getTime()) / (365L * 86_400_000);
    assertEquals(10, years, 1);
    assertTrue(authority.isUsable());
  }

  @Test
  void sealCertificateNamesTheDepartment() throws Exception {
    SealToken seal = authority.sealFor("WJW", "某某市卫生健康委员会");
    X509Certificate certificate = seal.certificateChain().get(0);

    assertEquals(SealAlgorithm.RSA, seal.algorithm());
    assertEquals(3, seal.certificateChain().size());
    assertEquals(authority.rootCertificate(), seal.certificateChain().get(2));
    assertEquals("某某市卫生健康委员会 行政许可专用章",
        Certificates.attribute(certificate, org.bouncycastle.asn1.x500.style.BCStyle.CN));
    assertEquals("某某市卫生健康委员会",
        Certificates.attribute(certificate, org.bouncycastle.asn1.x500.style.BCStyle.O));
    assertEquals("WJW", Certificates.attribute(certificate, org.bouncycastle.asn1.x500.style.BCStyle.OU));
    certificate.verify(authority.issuingCertificate().getPublicKey());
    boolean[] usage = certificate.getKeyUsage();
    assertTrue(usage[0] && usage[1], "digitalSignature and nonRepudiation");
    assertFalse(usage[5], "a seal cannot issue certificates");
    assertEquals(-1, certificate.getBasicConstraints());
    assertArrayEquals(subjectKeyId(authority.issuingCertificate()), authorityKeyId(certificate));
    long years =
        (certificate.getNotAfter().getTime() - certificate.getNotBefore().getTime())
            / (365L * 86_400_000);
    assertEquals(5, years, 1);
  }

  @Test
  void renamedDepartmentGetsANewSeal() throws Exception {
    SealToken before = authority.sealFor("FGW", "某某市发展和改革委员会");
    SealToken after = authority.sealFor("FGW", "某某市发展改革委");
    assertNotEquals(before.certificateChain().get(0), after.certificateChain().get(0));
    assertEquals("某某市发展改革委",
        Certificates.attribute(after.certificateChain().get(0), org.bouncycastle.asn1.x500.style.BCStyle.O));
  }

  @Test
  void concurrentFirstUseCreatesOneSeal() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<X509Certificate> task =
          () -> authority.sealFor("ZJJ", "某某市住房和城乡建设局").certificateChain().get(0);
      List<Future<X509Certificate>> results = pool.invokeAll(List.of(task, task, task, task));
      Set<X509Certificate> distinct = new HashSet<>();
      for (Future<X509Certificate> result : results) {
        distinct.add(result.get());
      }
      assertEquals(1, distinct.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadDepartmentCodes() {
    assertThrows(SigningException.class, () -> authority.sealFor("市场 局", "某局"));
    assertThrows(SigningException.class, () -> authority.sealFor("", "某局"));
    assertThrows(SigningException.class, () -> authority.sealFor("OK", " "));
  }

  @Test
  void refusesToCreateANewCaOverOrphanedSeals(@TempDir Path other) throws Exception {
    Files.write(other.resolve("seals.p12"), new byte[] {1, 2, 3});
    SigningException e =
        assertThrows(SigningException.class, () -> SealAuthority.openOrCreate(other, PASSWORD, CENTER));
    assertTrue(e.getMessage().contains("ca.p12"), e.getMessage());
  }

  @Test
  void theTimestampUnitIsRenewedAtTheArchiveHorizonOnceAndOtherProcessesAdoptIt(
      @TempDir Path own) throws Exception {
    SealAuthority ca = SealAuthority.openOrCreate(own, PASSWORD, CENTER);
    SealAuthority otherProcess = SealAuthority.openOrCreate(own, PASSWORD, CENTER);
    java.time.Instant horizon = java.time.Instant.now().plus(java.time.Duration.ofDays(365));
    // A unit with 100 days left: documents it timestamps need renewing within the horizon.
    ca.replaceTimestampUnit(java.time.Duration.ofDays(100));
    X509Certificate old = ca.timestampAuthority().certificateChain().get(0);
    assertTrue(old.getNotAfter().toInstant().isBefore(horizon));

    java.time.Instant ends = ca.renewTimestampUnitIfEndsBefore(horizon);
    X509Certificate renewed = ca.timestampAuthority().certificateChain().get(0);
    assertNotEquals(old, renewed);
    assertEquals(renewed.getNotAfter().toInstant(), ends);
    assertTrue(ends.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(4 * 365))), "" + ends);
    assertEquals(List.of("1.3.6.1.5.5.7.3.8"), renewed.getExtendedKeyUsage());
    // New timestamps come from the renewed unit, and verify.
    byte[] token = ca.timestampAuthority().timestampToken(new byte[32]);
    assertEquals(renewed.getSerialNumber(),
        new org.bouncycastle.tsp.TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token))
            .getSID().getSerialNumber());

    // Asked again (every sweep asks): nothing more to gain, no new key.
    assertEquals(ends, ca.renewTimestampUnitIfEndsBefore(horizon));
    assertEquals(renewed, ca.timestampAuthority().certificateChain().get(0));
    // Beyond what any unit can reach now: kept, not renewed on every sweep.
    assertEquals(ends, ca.renewTimestampUnitIfEndsBefore(ends.plus(java.time.Duration.ofDays(3650))));
    // Another portal process sharing the PKI directory adopts the renewed unit.
    assertEquals(ends, otherProcess.renewTimestampUnitIfEndsBefore(horizon));
    assertEquals(renewed, otherProcess.timestampAuthority().certificateChain().get(0));
  }

  @Test
  void timestampUnitIsIssuedForTimestampingOnly() throws Exception {
    X509Certificate tsa = authority.timestampAuthority().certificateChain().get(0);
    assertEquals(List.of("1.3.6.1.5.5.7.3.8"), tsa.getExtendedKeyUsage());
    assertTrue(tsa.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId()));
    tsa.verify(authority.issuingCertificate().getPublicKey());
    // Restart-safe too.
    SealAuthority reopened = SealAuthority.openOrCreate(pki, PASSWORD, CENTER);
    assertEquals(tsa, reopened.timestampAuthority().certificateChain().get(0));
  }

  @Test
  void crlsComeFromTheRightIssuer() throws Exception {
    X509Certificate seal = authority.sealFor("SCJGJ", "某某市市场监督管理局").certificateChain().get(0);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    java.security.cert.X509CRL forSeal =
        (java.security.cert.X509CRL)
            factory.generateCRL(new java.io.ByteArrayInputStream(authority.crlsFor(seal).get(0)));
    forSeal.verify(authority.issuingCertificate().getPublicKey());
    assertFalse(forSeal.isRevoked(seal));
    java.security.cert.X509CRL forIssuing =
        (java.security.cert.X509CRL)
            factory.generateCRL(
                new java.io.ByteArrayInputStream(
                    authority.crlsFor(authority.issuingCertificate()).get(0)));
    forIssuing.verify(authority.rootCertificate().getPublicKey());
    assertTrue(authority.crlsFor(authority.rootCertificate()).isEmpty());
  }

  @Test
  void readsStoresInTheLayoutExistingInstallationsHave(@TempDir Path old) throws Exception {
    // Written with the plain KeyStore API, not PkiKeyStore: pins the on-disk format (file names,
    // aliases, one password) that installations created before the split already have.
    java.security.KeyPair rootKeys = CertificateIssuer.newKeyPair();
    X509Certificate root =
        CertificateIssuer.selfSignedRoot(CertificateIssuer.name("旧中心 根证书", "旧中心", null), rootKeys, 20);
    java.security.KeyPair issuingKeys = CertificateIssuer.newKeyPair();
    X509Certificate issuing =
        CertificateIssuer.issuingCa(CertificateIssuer.name("旧中心 电子印章签发证书", "旧中心", null),
            issuingKeys.getPublic(), root, rootKeys.getPrivate(), 10);
    java.security.KeyPair sealKeys = CertificateIssuer.newKeyPair();
    X509Certificate seal =
        CertificateIssuer.seal(CertificateIssuer.name("某某市市场监督管理局 行政许可专用章", "某某市市场监督管理局", "SCJGJ"),
            sealKeys.getPublic(), issuing, issuingKeys.getPrivate(), 5);
    java.security.KeyStore ca = java.security.KeyStore.getInstance("PKCS12");
    ca.load(null, PASSWORD);
    ca.setKeyEntry("root-ca", rootKeys.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {root});
    ca.setKeyEntry("issuing-ca", issuingKeys.getPrivate(), PASSWORD,
        new java.security.cert.Certificate[] {issuing, root});
    try (var out = Files.newOutputStream(old.resolve("ca.p12"))) {
      ca.store(out, PASSWORD);
    }
    java.security.KeyStore seals = java.security.KeyStore.getInstance("PKCS12");
    seals.load(null, PASSWORD);
    seals.setKeyEntry("seal-scjgj", sealKeys.getPrivate(), PASSWORD,
        new java.security.cert.Certificate[] {seal, issuing, root});
    try (var out = Files.newOutputStream(old.resolve("seals.p12"))) {
      seals.store(out, PASSWORD);
    }

    SealAuthority opened = SealAuthority.openOrCreate(old, PASSWORD, "another name is ignored");

    assertEquals(root, opened.rootCertificate());
    assertEquals(issuing, opened.issuingCertificate());
    assertEquals(seal, opened.sealFor("SCJGJ", "某某市市场监督管理局").certificateChain().get(0));
    assertEquals(opened.rootCertificatePem(), Files.readString(old.resolve("root-ca.pem")));
  }

  private static byte[] subjectKeyId(X509Certificate certificate) {
    byte[] value = ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets();
    return SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
  }

  private static byte[] authorityKeyId(X509Certificate certificate) {
    byte[] value = ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets();
    return AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier();
  }
}
