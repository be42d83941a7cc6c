package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterOptions;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;

/**
 * The center's options of a matter (CENTER_ADMIN): 超时默许 on or off, the licence (电子证照) an
 * approval grants and for how many years.
 */
@Path("admin/matters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminMatterResource {
  @Inject
  CurrentActor current;

  @Inject
  MatterCatalog catalog;

  public static class Options {
    public Boolean deemedApprovalOnTimeout;
    public String licenceName;
    public Integer licenceYears;
  }

  /**
   * {deemedApprovalOnTimeout, licenceName, licenceYears}, any of them ("" as licenceName: no
   * licence): answers the matter as GET /api/v1/matters lists it.
   */
  @PUT
  @Path("{code}/options")
  public MatterView options(@PathParam("code") String code, Options body) {
    return catalog.setOptions(current.require(), code, body == null ? null
        : new MatterOptions(body.deemedApprovalOnTimeout, body.licenceName, body.licenceYears));
  }
}
