package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The public service guides (办事指南), no login needed. */
@Path("matters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MatterResource {
  @Inject
  MatterCatalog catalog;

  @GET
  public List<MatterView> all() {
    return catalog.all();
  }

  @GET
  @Path("{code}")
  public MatterView one(@PathParam("code") String code) {
    return catalog.one(code);
  }
}
