package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.DocumentAccess;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The PDF of a notice or decision, for the applicant and staff who may see the application. */
@Path("documents")
@RequestScoped
public class DocumentResource {
  @Inject
  CurrentActor current;

  @Inject
  DocumentAccess documents;

  @GET
  @Path("{id}")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") Long id) {
    DocumentAccess.Pdf pdf = documents.download(current.require(), id);
    String name = pdf.document().kind().title() + "-" + pdf.document().number() + ".pdf";
    return Response.ok(pdf.bytes(), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + pdf.document().number()
            + ".pdf\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .header("X-Content-SHA256", pdf.document().sha256())
        .build();
  }
}
