package cn.wssp.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Answers OCSP requests (RFC 6960) for the certificates the issuing CA signed: {@code good} for a
 * certificate it issued and did not revoke, {@code revoked} with the time for a revoked one,
 * {@code unknown} for anything else. The response is signed by the issuing CA itself (RFC 6960
 * §4.2.2.2 allows the CA that issued the certificate in question to sign), so clients need no
 * separate responder certificate. Stateless; the caller supplies what was issued and revoked.
 */
final class OcspResponder {

  /** Clients may cache an answer this long; a revocation is seen at the latest then. */
  private static final Duration NEXT_UPDATE = Duration.ofHours(1);

  private OcspResponder() {}

  /** What the responder knows: issued serial numbers and revocations. */
  interface Status {
    boolean issued(BigInteger serial) throws SigningException;

    Map<BigInteger, Instant> revoked() throws SigningException;
  }

  /** A DER OCSPResponse for a DER OCSPRequest; malformed input gets malformedRequest, never an exception. */
  static byte[] respond(byte[] request, X509Certificate issuer, PrivateKey issuerKey, Status status)
      throws SigningException {
    OCSPReq ocspRequest;
    try {
      ocspRequest = new OCSPReq(request);
      if (ocspRequest.getRequestList().length == 0) {
        return error(OCSPRespBuilder.MALFORMED_REQUEST);
      }
    } catch (IOException | RuntimeException e) {
      return error(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    try {
      X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuerHolder.getSubject()));
      Map<BigInteger, Instant> revoked = status.revoked();
      Instant now = Instant.now();
      for (Req single : ocspRequest.getRequestList()) {
        CertificateID id = single.getCertID();
        builder.addResponse(
            id,
            statusOf(id, issuerHolder, digests, status, revoked),
            Date.from(now),
            Date.from(now.plus(NEXT_UPDATE)),
            null);
      }
      Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        // Echo the nonce (RFC 8954), so a client that sent one can tell this is no replay.
        builder.setResponseExtensions(new Extensions(nonce));
      }
      BasicOCSPResp basic =
          builder.build(
              new JcaContentSignerBuilder(CertificateIssuer.SIGNATURE_ALGORITHM).build(issuerKey),
              new X509CertificateHolder[] {issuerHolder},
              Date.from(now));
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OCSPException | OperatorCreationException | CertificateEncodingException
        | IOException e) {
      throw new SigningException("cannot build the OCSP response: " + e.getMessage(), e);
    }
  }

  private static CertificateStatus statusOf(
      CertificateID id,
      X509CertificateHolder issuer,
      DigestCalculatorProvider digests,
      Status status,
      Map<BigInteger, Instant> revoked)
      throws OCSPException, SigningException {
    if (!id.matchesIssuer(issuer, digests)) {
      return new UnknownStatus();
    }
    BigInteger serial = id.getSerialNumber();
    Instant revokedAt = revoked.get(serial);
    if (revokedAt != null) {
      return new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
    }
    return status.issued(serial) ? CertificateStatus.GOOD : new UnknownStatus();
  }

  private static byte[] error(int status) throws SigningException {
    try {
      return new OCSPRespBuilder().build(status, null).getEncoded();
    } catch (OCSPException | IOException e) {
      throw new SigningException("cannot build the OCSP error response", e);
    }
  }

  /** Something that answers a DER OCSP request with a DER OCSP response. */
  @FunctionalInterface
  interface Exchange {
    byte[] answer(byte[] request) throws SigningException;
  }

  /**
   * Asks {@code exchange} about {@code certificate} and returns the BasicOCSPResponse (DER) if it
   * says good, else null.
   */
  static byte[] goodResponseAbout(
      X509Certificate certificate, X509Certificate issuer, Exchange exchange)
      throws SigningException {
    try {
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      CertificateID id =
          new CertificateID(
              digests.get(CertificateID.HASH_SHA1),
              new JcaX509CertificateHolder(issuer),
              certificate.getSerialNumber());
      byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
      OCSPResp response = new OCSPResp(exchange.answer(request));
      if (response.getStatus() != OCSPRespBuilder.SUCCESSFUL) {
        return null;
      }
      BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
      SingleResp[] singles = basic.getResponses();
      return singles.length == 1 && singles[0].getCertStatus() == CertificateStatus.GOOD
          ? basic.getEncoded()
          : null;
    } catch (OCSPException | OperatorCreationException | CertificateEncodingException
        | IOException e) {
      throw new SigningException("cannot get an OCSP response to embed: " + e.getMessage(), e);
    }
  }
}
