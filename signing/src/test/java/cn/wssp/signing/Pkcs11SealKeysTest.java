package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seal keys on a PKCS#11 token — SoftHSM2 standing in for the HSM: a token initialised in a
 * directory of its own, the seal key generated on it, a decision sealed through the token and
 * checked by our verifier and by pdfsig, and the key provably not extractable.
 *
 * <p>SoftHSM reads {@code SOFTHSM2_CONF} when the JVM loads it; the build points it at
 * {@code target/softhsm/softhsm2.conf} (signing/pom.xml), which this test writes first.
 */
class Pkcs11SealKeysTest {

  private static final String PIN = "246810";
  private static final List<Path> LIBRARIES =
      List.of(
          Path.of("/usr/lib/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));

  @Test
  void sealKeyIsGeneratedOnTheTokenSignsAndNeverLeavesIt() throws Exception {
    ExternalTools.require("softhsm2-util", "softhsm2");
    Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst()
        .orElseThrow(() -> new AssertionError("softhsm2-util is installed but libsofthsm2.so is not"));
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      fail("SOFTHSM2_CONF is not set: run this test through Maven (signing/pom.xml sets it)");
    }
    Path work = Path.of(conf).getParent();
    Path tokens = work.resolve("tokens");
    deleteRecursively(work);
    Files.createDirectories(tokens);
    Files.writeString(Path.of(conf),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
        StandardCharsets.UTF_8);
    ExternalTools.Output init = ExternalTools.run("softhsm2-util", "--init-token", "--free",
        "--label", "wssp-seals", "--pin", PIN, "--so-pin", "13579246");
    assertEquals(0, init.exitCode(), init.text());
    Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init.text());
    assertTrue(slot.find(), init.text());
    Path config = work.resolve("pkcs11.cfg");
    Files.writeString(config, pkcs11Config(library, slot.group(1)), StandardCharsets.UTF_8);

    Pkcs11SealKeys hsm = Pkcs11SealKeys.open(config, PIN.toCharArray());
    Path pki = work.resolve("pki");
    SealAuthority authority =
        SealAuthority.openOrCreate(pki, "pw".toCharArray(), "某某市政务服务中心", null, hsm);

    SealToken seal = authority.sealFor("SCJGJ", "某某市市场监督管理局");

    // Generated on the token: the key object there is sensitive, not extractable, a token object.
    SealToken onToken = hsm.load(PkiKeyStore.sealAlias("SCJGJ"));
    PrivateKey handle = ((Pkcs11SealToken) onToken).keyHandle();
    assertNull(handle.getEncoded(), "the private key's bytes are not available outside the token");
    assertFalse(handle instanceof RSAPrivateKey, "no private exponent readable: " + handle.getClass());
    String attributes = handle.toString();
    assertTrue(attributes.contains("token object"), attributes);
    assertTrue(attributes.contains("sensitive"), attributes);
    assertTrue(attributes.contains("unextractable"), attributes);
    assertThrows(Exception.class, () -> KeyFactory.getInstance("RSA")
        .getKeySpec(handle, PKCS8EncodedKeySpec.class), "the key cannot be exported");
    assertEquals(seal.certificateChain(), onToken.certificateChain());
    assertTrue(Files.notExists(pki.resolve(PkiKeyStore.SEAL_STORE)) || !Files.readString(
        pki.resolve(PkiKeyStore.SEAL_STORE), StandardCharsets.ISO_8859_1).contains("scjgj"),
        "the seal key is not in seals.p12");

    // Sealed through the token, verified from outside.
    PadesSigner signer = new PadesSigner(authority.timestampAuthority(), authority, authority);
    OfficialDocumentRenderer renderer = new OfficialDocumentRenderer();
    byte[] pdf = renderer.render(SampleDocuments.decision(1));
    byte[] sealed = signer.sign(pdf, seal, new SignatureRequest("seal-1",
        renderer.sealPlacement(pdf, 0), "某某市市场监督管理局", "张三", "准予行政许可", "某某市政务服务中心"));
    VerificationReport report = new PdfVerifier(authority.trustAnchors()).verify(sealed);
    assertEquals(Indication.TOTAL_PASSED, report.indication(), report.toString());
    assertEquals("某某市市场监督管理局 行政许可专用章", report.signatures().get(0).signer());
    String nss = ExternalTools.nssDatabaseTrusting(work.resolve("nss"), authority.rootCertificatePem());
    Path file = work.resolve("sealed-by-hsm.pdf");
    Files.write(file, sealed);
    List<String> blocks = ExternalTools.pdfsigBlocks(nss, file);
    assertEquals(1, blocks.size());
    assertTrue(blocks.get(0).contains("Signature Validation: Signature is Valid."), blocks.get(0));
    assertTrue(blocks.get(0).contains("Certificate Validation: Certificate is Trusted."), blocks.get(0));

    // Reopened: the same key from the token; revoked: a new key generated on the token.
    SealAuthority reopened =
        SealAuthority.openOrCreate(pki, "pw".toCharArray(), "某某市政务服务中心", null, hsm);
    assertEquals(seal.certificateChain().get(0),
        reopened.sealFor("SCJGJ", "某某市市场监督管理局").certificateChain().get(0));
    reopened.revoke(seal.certificateChain().get(0).getSerialNumber().toString(16));
    SealToken rekeyed = reopened.sealFor("SCJGJ", "某某市市场监督管理局");
    assertNotEquals(seal.certificateChain().get(0).getPublicKey(),
        rekeyed.certificateChain().get(0).getPublicKey());
    assertTrue(rekeyed.sign(new byte[] {1, 2, 3}).length > 0);
  }

  /** A SunPKCS11 configuration as README.md describes it for a real HSM. */
  static String pkcs11Config(Path library, String slot) {
    return "name = wssp-softhsm\n"
        + "library = " + library + "\n"
        + "slot = " + slot + "\n"
        + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
        + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n"
        + "  CKA_EXTRACTABLE = false\n  CKA_SIGN = true\n}\n"
        + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n"
        + "  CKA_TOKEN = true\n  CKA_VERIFY = true\n}\n";
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
