package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.AuditQueries;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.AuditSearch;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The portal-wide audit log for electronic supervision (电子监察) and the center. */
@Path("admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Inject
  CurrentActor current;

  @Inject
  AuditQueries audit;

  /** Newest first; the total is in X-Total-Count. from/to: YYYY-MM-DD (Beijing time) or ISO instants. */
  @GET
  public Response search(@QueryParam("action") String action, @QueryParam("actor") String actor,
      @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    AuditSearch search = new AuditSearch(
        action == null || action.isBlank() ? null
            : ApplicationResource.enumValue(AuditAction.class, action, "action"),
        actor == null || actor.isBlank() ? null : actor.trim(),
        instant(from, "from", false), instant(to, "to", true));
    var lines = audit.search(current.require(), search, number(page, "page"), number(size, "size"));
    return Response.ok(lines).header("X-Total-Count", audit.count(search)).build();
  }

  @GET
  @Path("verify")
  public AuditQueries.ChainCheck verify() {
    return audit.verify(current.require());
  }

  /** A day (the whole day in Beijing: "to" includes it) or an exact instant. */
  static Instant instant(String value, String field, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.trim().length() == 10) {
        LocalDate day = LocalDate.parse(value.trim());
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
      }
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("字段 " + field + " 的值「" + abbreviate(value)
          + "」格式不正确，应为 YYYY-MM-DD 或 ISO 时间。");
    }
  }

  static int number(String value, String field) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("字段 " + field + " 必须是整数。");
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
