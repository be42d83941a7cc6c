package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.Absences;
import cn.wssp.portal.domain.model.Absence;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/** A chief representative's recorded absences (CENTER_ADMIN): API.md's /admin/absences. */
@Path("admin/absences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AbsenceResource {
  @Inject
  CurrentActor current;

  @Inject
  Absences absences;

  public static class NewAbsence {
    public String username;
    public String from;
    public String to;
    public String reason;
  }

  public record AbsenceView(Long id, String username, LocalDate from, LocalDate to, String reason) {}

  @POST
  public Response record(NewAbsence body) {
    var actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供 username、from、to 和 reason。");
    }
    Absence a = absences.record(actor, body.username,
        ApplicationResource.date(body.from, "from"), ApplicationResource.date(body.to, "to"),
        body.reason);
    return Response.status(201).entity(new AbsenceView(a.id(), body.username.trim(), a.from(),
        a.to(), a.reason())).build();
  }

  /** One chief's absences; without {@code username} every chief's current and coming ones. */
  @GET
  public List<AbsenceView> list(@QueryParam("username") String username) {
    if (username == null || username.isBlank()) {
      return absences.current(current.require()).stream()
          .map(a -> new AbsenceView(a.id(), a.username(), a.from(), a.to(), a.reason())).toList();
    }
    return absences.of(current.require(), username).stream()
        .map(a -> new AbsenceView(a.id(), username.trim(), a.from(), a.to(), a.reason())).toList();
  }
}
