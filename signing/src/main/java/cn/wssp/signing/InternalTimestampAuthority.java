package cn.wssp.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamping authority inside the portal (embedded default, §6): it signs the
 * current time of this machine with its own key and a certificate issued by the center's CA
 * (extended key usage timeStamping, critical). Its tokens make PAdES B-T signatures; they are as
 * trustworthy as this machine's clock, which is why production uses a licensed TSA instead.
 */
public final class InternalTimestampAuthority implements TimestampSource {

  /**
   * The TSA policy under which tokens are issued. An OID under 2.25 (a UUID, ITU-T X.667) is
   * globally unique without registering an arc; it only has to identify "this portal's TSA".
   */
  public static final String POLICY_OID = "2.25.66647657852295327528101228697683743293";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<X509Certificate> chain;
  private final TimeStampTokenGenerator generator;

  /**
   * @param key the TSA's private key
   * @param chain the TSA certificate first, then its issuers
   */
  public InternalTimestampAuthority(PrivateKey key, List<X509Certificate> chain)
      throws SigningException {
    if (key == null || chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("a TSA needs a key and its certificate chain");
    }
    this.chain = List.copyOf(chain);
    try {
      SignerInfoGenerator signerInfo =
          new JcaSimpleSignerInfoGeneratorBuilder()
              .build(SealAlgorithm.of(chain.get(0)).jcaSignatureName(), key, chain.get(0));
      // A SHA-256 calculator makes the generator write ESSCertIDv2 (RFC 5816), not SHA-1 ESSCertID.
      DigestCalculator certIdDigest =
          new JcaDigestCalculatorProviderBuilder()
              .build()
              .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
      generator =
          new TimeStampTokenGenerator(signerInfo, certIdDigest, new ASN1ObjectIdentifier(POLICY_OID));
      generator.setAccuracySeconds(1);
      // Verifiers find the TSA chain in the token itself.
      generator.addCertificates(new JcaCertStore(this.chain));
    } catch (OperatorCreationException | CertificateEncodingException | TSPException e) {
      throw new SigningException("cannot set up the timestamping authority: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new SigningException(
          "the TSA certificate is not usable for timestamping: " + e.getMessage(), e);
    }
  }

  public List<X509Certificate> certificateChain() {
    return chain;
  }

  @Override
  public byte[] timestampToken(byte[] sha256Imprint) throws SigningException {
    if (sha256Imprint == null || sha256Imprint.length != 32) {
      throw new SigningException("a timestamp imprint must be a SHA-256 digest (32 bytes)");
    }
    TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
    requests.setCertReq(true);
    TimeStampRequest request =
        requests.generate(TSPAlgorithms.SHA256, sha256Imprint, new BigInteger(64, RANDOM));
    try {
      return issue(request).getEncoded();
    } catch (IOException e) {
      throw new SigningException("cannot encode the timestamp token", e);
    }
  }

  /**
   * Answers a complete DER-encoded RFC 3161 request with a DER-encoded response, so the web module
   * can offer this TSA over HTTP ({@code application/timestamp-query}) if ever needed.
   */
  public byte[] respond(byte[] derRequest) throws SigningException {
    try {
      TimeStampRequest request = new TimeStampRequest(derRequest);
      TimeStampResponseGenerator responses =
          new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
      TimeStampResponse response;
      synchronized (generator) {
        response = responses.generate(request, serialNumber(), new Date());
      }
      return response.getEncoded();
    } catch (IOException | TSPException e) {
      throw new SigningException("cannot answer the timestamp request: " + e.getMessage(), e);
    }
  }

  private org.bouncycastle.tsp.TimeStampToken issue(TimeStampRequest request)
      throws SigningException {
    try {
      // The generator's signer holds one java.security.Signature, which is not thread-safe.
      synchronized (generator) {
        return generator.generate(request, serialNumber(), new Date());
      }
    } catch (TSPException e) {
      throw new SigningException("cannot issue a timestamp: " + e.getMessage(), e);
    }
  }

  private static BigInteger serialNumber() {
    return new BigInteger(63, RANDOM);
  }
}
