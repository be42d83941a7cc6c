package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.domain.service.Seals;
import cn.wssp.signing.SigningException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The center's public trust services, for anyone's verifier: the root certificate (e.g. for
 * pdfsig's NSS store), the issuing CA's certificate and CRL, and the OCSP responder (RFC 6960)
 * that every seal certificate names.
 */
@Path("pki")
@RequestScoped
public class PkiResource {
  private static final Logger LOG = Logger.getLogger(PkiResource.class.getName());
  private static final String OCSP_RESPONSE = "application/ocsp-response";
  /** OCSP requests are a few hundred bytes; refuse anything that could not be one. */
  private static final int MAX_OCSP_REQUEST = 16 * 1024;

  @Inject
  Seals seals;

  @GET
  @Path("ca.pem")
  @Produces("application/x-pem-file")
  public String caPem() {
    return seals.rootCertificatesPem();
  }

  @GET
  @Path("issuing.pem")
  @Produces("application/x-pem-file")
  public String issuingPem() {
    return seals.issuingCertificatePem();
  }

  @GET
  @Path("issuing.crl")
  @Produces("application/pkix-crl")
  public byte[] issuingCrl() throws SigningException {
    return seals.issuingCrl();
  }

  /** RFC 6960 appendix A.1: the DER request as the POST body. */
  @POST
  @Path("ocsp")
  @Consumes("application/ocsp-request")
  @Produces(OCSP_RESPONSE)
  public Response ocspPost(InputStream body) throws IOException {
    byte[] request = body.readNBytes(MAX_OCSP_REQUEST + 1);
    if (request.length > MAX_OCSP_REQUEST) {
      request = new byte[0];
    }
    return ocsp(request);
  }

  /** RFC 6960 appendix A.1: GET {url}/{url-encoding of base-64 encoding of the DER request}. */
  @GET
  @Path("ocsp/{request: .+}")
  @Produces(OCSP_RESPONSE)
  public Response ocspGet(@PathParam("request") String encoded) {
    byte[] request;
    try {
      // The path parameter arrives URL-decoded; some clients leave '+' or '/' unescaped.
      request = encoded.length() > MAX_OCSP_REQUEST * 2
          ? new byte[0]
          : Base64.getDecoder().decode(encoded.replace(' ', '+'));
    } catch (IllegalArgumentException e) {
      request = new byte[0];
    }
    return ocsp(request);
  }

  private Response ocsp(byte[] request) {
    try {
      // Malformed requests get an OCSP malformedRequest answer (still HTTP 200), as RFC 6960 says.
      return Response.ok(seals.ocspResponse(request), OCSP_RESPONSE).build();
    } catch (SigningException e) {
      LOG.log(Level.WARNING, "OCSP 应答失败", e);
      return Response.status(500).type(OCSP_RESPONSE).build();
    }
  }
}
