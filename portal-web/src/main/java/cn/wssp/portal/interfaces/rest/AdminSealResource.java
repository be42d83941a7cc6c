package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.SealAdministration;
import cn.wssp.portal.interfaces.security.CurrentActor;
import cn.wssp.signing.SealInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The seal certificates (CENTER_ADMIN): list, and revoke one (its holder is re-keyed). */
@Path("admin/seals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminSealResource {
  @Inject
  CurrentActor current;

  @Inject
  SealAdministration administration;

  /**
   * One seal certificate: {@code department} is the department's code ({@code CENTER} for the
   * center's 受理专用章), {@code serial} the serial number in hex as openssl prints it.
   */
  public record SealView(String id, String department, String holderName, String title,
      String serial, Instant notAfter, String status, Instant revokedAt) {
    static SealView of(SealInfo s) {
      return new SealView(s.id(), s.holderCode(), s.holderName(), s.title(), s.serialNumber(),
          s.notAfter(), s.status().name(), s.revokedAt());
    }
  }

  @GET
  public List<SealView> list() {
    return administration.list(current.require()).stream().map(SealView::of).toList();
  }

  @POST
  @Path("{id}/revoke")
  public SealView revoke(@PathParam("id") String id) {
    return SealView.of(administration.revoke(current.require(), id));
  }
}
