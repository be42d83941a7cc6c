package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.DishonestList;
import cn.wssp.portal.domain.model.DishonestEnterprise;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 失信名单 (CENTER_ADMIN): enterprises refused the commitment procedure, by credit code. */
@Path("admin/dishonest")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DishonestResource {
  @Inject
  CurrentActor current;

  @Inject
  DishonestList dishonest;

  public static class NewEntry {
    public String creditCode;
    public String reason;
    /** YYYY-MM-DD; today when left out. */
    public String date;
  }

  public record EntryView(String creditCode, String reason, LocalDate date, String recordedBy,
      Instant recordedAt) {
    static EntryView of(DishonestEnterprise e) {
      return new EntryView(e.creditCode(), e.reason(), e.listedOn(), e.recordedBy(), e.recordedAt());
    }
  }

  @GET
  public List<EntryView> list() {
    return dishonest.all(current.require()).stream().map(EntryView::of).toList();
  }

  @POST
  public Response add(NewEntry body) {
    var actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供 creditCode、reason，以及可选的 date。");
    }
    LocalDate date = body.date == null || body.date.isBlank() ? null
        : ApplicationResource.date(body.date, "date");
    return Response.status(201)
        .entity(EntryView.of(dishonest.add(actor, body.creditCode, body.reason, date))).build();
  }

  @DELETE
  @Path("{creditCode}")
  public Response remove(@PathParam("creditCode") String creditCode) {
    dishonest.remove(current.require(), creditCode);
    return Response.noContent().build();
  }
}
