package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.SupervisionService;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 电子监察: the summary figures and the export of every application (SUPERVISOR). */
@Path("supervision")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {
  @Inject
  CurrentActor current;

  @Inject
  SupervisionService supervision;

  @GET
  @Path("summary")
  public SupervisionService.Summary summary() {
    return supervision.summary(current.require());
  }

  @GET
  @Path("export.csv")
  @Produces({"text/csv; charset=UTF-8", MediaType.APPLICATION_JSON})
  public Response export() {
    byte[] csv = supervision.exportCsv(current.require());
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"supervision-export.csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
