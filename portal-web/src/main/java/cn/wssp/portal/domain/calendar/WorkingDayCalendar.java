package cn.wssp.portal.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Counts working days (工作日) for the legal time limits (§3): weekends and public holidays are
 * rest days, make-up working days (调休) on weekends are working days ({@link #withHolidays},
 * from the center's published calendar).
 */
public final class WorkingDayCalendar {
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> extraWorkingDays;

  public WorkingDayCalendar() {
    this(Set.of(), Set.of());
  }

  private WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {
    this.holidays = Set.copyOf(holidays);
    this.extraWorkingDays = Set.copyOf(extraWorkingDays);
  }

  public static WorkingDayCalendar withHolidays(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    return new WorkingDayCalendar(holidays, workdays);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (extraWorkingDays.contains(day)) {
      return true;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /**
   * The date that is {@code days} working days after {@code from}: the day of the event itself
   * does not count (submitted Friday + 2 → Tuesday).
   */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("工作日数不能为负数：" + days);
    }
    LocalDate day = from;
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** Working days after {@code from} up to and including {@code to} (0 when to is not later). */
  public long workingDaysBetween(LocalDate from, LocalDate to) {
    long n = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        n++;
      }
    }
    return n;
  }
}
