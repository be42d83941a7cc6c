package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.domain.model.DomainException;
import jakarta.enterprise.context.RequestScoped;
import cn.wssp.portal.application.Calendars;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** Working-day arithmetic, public, so enterprise systems compute deadlines as the portal does. */
@Path("calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
  @Inject
  Calendars calendar;

  public record DateAnswer(LocalDate date) {}

  @GET
  @Path("add-working-days")
  public DateAnswer add(@QueryParam("from") String from, @QueryParam("days") String days) {
    LocalDate start = ApplicationResource.date(from, "from");
    int n;
    try {
      n = Integer.parseInt(days == null ? "" : days.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("字段 days 必须是整数。");
    }
    if (n < 0 || n > 3650) {
      throw DomainException.invalid("字段 days 应在 0 到 3650 之间。");
    }
    return new DateAnswer(calendar.current().addWorkingDays(start, n));
  }
}
