package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.VerificationService;
import cn.wssp.portal.domain.model.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import cn.wssp.portal.interfaces.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Public verification of a downloaded document, by file or by number and code. */
@Path("verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {
  static final int MAX_PDF_BYTES = 50 << 20;

  @Inject
  VerificationService verification;

  @Inject
  ClientAddress clientAddress;

  @Context
  HttpServletRequest request;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public VerificationService.Result upload(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    try (InputStream in = Multipart.filePart(body, contentType).content()) {
      byte[] pdf = in.readNBytes(MAX_PDF_BYTES + 1);
      if (pdf.length > MAX_PDF_BYTES) {
        throw new DomainException("TOO_LARGE", 413, "文件超过 50 MB，不是本门户签发的文书。");
      }
      return verification.verifyUpload(pdf);
    } catch (java.io.IOException e) {
      throw DomainException.invalid("文件读取失败，请重新上传。");
    }
  }

  @GET
  @Path("{documentNumber}")
  public VerificationService.Result byNumber(@PathParam("documentNumber") String number,
      @QueryParam("code") String code) {
    // 404 for a wrong pair; 429 TOO_MANY_ATTEMPTS with Retry-After after too many from this address.
    return verification.verifyByNumber(number, code, clientAddress.of(request));
  }
}
