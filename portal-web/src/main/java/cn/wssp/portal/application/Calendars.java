package cn.wssp.portal.application;

import cn.wssp.portal.domain.calendar.CalendarRepository;
import cn.wssp.portal.domain.calendar.CalendarRepository.YearDays;
import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working-day calendar in force: the center's published holidays and 调休 working days. Read
 * for every deadline, so it is cached; an edit here is seen at once on this instance and within
 * {@link #REFRESH} on the others.
 */
@ApplicationScoped
public class Calendars {
  static final Duration REFRESH = Duration.ofSeconds(30);

  @Inject
  CalendarRepository days;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  private volatile WorkingDayCalendar cached;
  private volatile Instant loadedAt = Instant.MIN;

  public WorkingDayCalendar current() {
    Instant now = Instant.now();
    if (cached == null || loadedAt.plus(REFRESH).isBefore(now)) {
      YearDays all = days.all();
      cached = WorkingDayCalendar.withHolidays(all.holidays(), all.workdays());
      loadedAt = now;
    }
    return cached;
  }

  public YearDays year(int year) {
    requireYear(year);
    return days.year(year);
  }

  /**
   * Publishes a year's holidays (whole holiday periods, weekends included, as the State Council
   * lists them) and working weekend days (CENTER_ADMIN). A "working day" on a weekday would say
   * nothing and is refused, so the data stays readable.
   */
  @Transactional
  public YearDays publish(Actor actor, int year, Set<LocalDate> holidays, Set<LocalDate> workdays) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "修改节假日安排");
    requireYear(year);
    Set<LocalDate> h = holidays == null ? Set.of() : holidays;
    Set<LocalDate> w = workdays == null ? Set.of() : workdays;
    for (LocalDate d : h) {
      requireIn(year, d, "holidays");
      if (w.contains(d)) {
        throw DomainException.invalid(d + " 不能既是假日又是调休上班日。")
            .inEnglish(d + " cannot be both a holiday and a working day.");
      }
    }
    for (LocalDate d : w) {
      requireIn(year, d, "workdays");
      if (!isWeekend(d)) {
        throw DomainException.invalid("workdays 中的 " + d + " 不是周末；调休上班日应为周六或周日。")
            .inEnglish(d + " is not a weekend day: a make-up working day is a Saturday or Sunday.");
      }
    }
    YearDays published = new YearDays(h, w);
    days.replaceYear(year, published);
    audit.record(actor, null, AuditAction.CALENDAR_CHANGED, null, null,
        year + " 年：假日 " + h.size() + " 天，调休上班 " + new TreeSet<>(w));
    cached = null;
    return published;
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static void requireYear(int year) {
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("年份应在 2000 到 2100 之间。")
          .inEnglish("The year is between 2000 and 2100.");
    }
  }

  private static void requireIn(int year, LocalDate d, String field) {
    if (d.getYear() != year) {
      throw DomainException.invalid(field + " 中的 " + d + " 不属于 " + year + " 年。")
          .inEnglish(d + " in " + field + " is not in " + year + ".");
    }
  }
}
