package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.Calendars;
import cn.wssp.portal.domain.calendar.CalendarRepository.YearDays;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The center's holiday calendar (节假日与调休): anyone reads a year, the center admin publishes it. */
@Path("admin/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminCalendarResource {
  @Inject
  CurrentActor current;

  @Inject
  Calendars calendars;

  public static class Year {
    public List<String> holidays;
    public List<String> workdays;
  }

  /** Sorted dates: holidays on weekdays, working (调休) weekend days. */
  public record YearAnswer(int year, List<LocalDate> holidays, List<LocalDate> workdays) {
    static YearAnswer of(int year, YearDays days) {
      return new YearAnswer(year, List.copyOf(new TreeSet<>(days.holidays())),
          List.copyOf(new TreeSet<>(days.workdays())));
    }
  }

  @GET
  @Path("{year}")
  public YearAnswer get(@PathParam("year") String year) {
    int y = AuditResource.number(year, "year");
    return YearAnswer.of(y, calendars.year(y));
  }

  @PUT
  @Path("{year}")
  public YearAnswer put(@PathParam("year") String year, Year body) {
    int y = AuditResource.number(year, "year");
    if (body == null) {
      throw DomainException.invalid("请提供 holidays 和 workdays（日期列表，YYYY-MM-DD）。");
    }
    return YearAnswer.of(y, calendars.publish(current.require(), y,
        dates(body.holidays, "holidays"), dates(body.workdays, "workdays")));
  }

  private static Set<LocalDate> dates(List<String> values, String field) {
    Set<LocalDate> dates = new TreeSet<>();
    if (values != null) {
      for (String v : values) {
        dates.add(ApplicationResource.date(v, field));
      }
    }
    return dates;
  }
}
