package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.TrackingService;
import cn.wssp.portal.interfaces.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** 办件查询: public progress of an application by its number and tracking code. */
@Path("track")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {
  @Inject
  TrackingService tracking;

  @Inject
  ClientAddress clientAddress;

  @Context
  HttpServletRequest request;

  @GET
  @Path("{applicationNumber}")
  public TrackingService.Tracking track(@PathParam("applicationNumber") String number,
      @QueryParam("code") String code) {
    // 404 for a wrong pair; 429 TOO_MANY_ATTEMPTS with Retry-After after too many from this address.
    return tracking.track(number, code, clientAddress.of(request));
  }
}
