package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.DocumentAccess;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Response;

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
    return SafeDownload.attachment(pdf.bytes(), "application/pdf", name)
        .header("X-Content-SHA256", pdf.document().sha256())
        .build();
  }
}
