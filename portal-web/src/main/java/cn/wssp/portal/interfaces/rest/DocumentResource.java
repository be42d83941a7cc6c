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

  /**
   * {@code ?inline=1}: for the preview frame of 我的证照, served inline (still sandboxed, never
   * sniffed or cached, framed by the portal's own pages only); otherwise an attachment. The same
   * access rule and DOCUMENT_DOWNLOADED audit either way.
   */
  @GET
  @Path("{id}")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") Long id, @QueryParam("inline") String inline) {
    DocumentAccess.Pdf pdf = documents.download(current.require(), id);
    String name = pdf.document().kind().title() + "-" + pdf.document().number() + ".pdf";
    return ("1".equals(inline) ? SafeDownload.inline(pdf.bytes(), "application/pdf", name)
        : SafeDownload.attachment(pdf.bytes(), "application/pdf", name))
        .header("X-Content-SHA256", pdf.document().sha256())
        .build();
  }
}
