package cn.wssp.portal.domain.calendar;

import java.time.LocalDate;
import java.util.Set;

/** The holidays and make-up working days (调休) the center publishes, one year at a time. */
public interface CalendarRepository {
  /** Every holiday and every working weekend day on record, all years. */
  YearDays all();

  YearDays year(int year);

  /** Replaces one year's days. */
  void replaceYear(int year, YearDays days);

  /** Holidays (rest days on weekdays) and workdays (working weekend days) of a period. */
  record YearDays(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    public YearDays {
      holidays = Set.copyOf(holidays);
      workdays = Set.copyOf(workdays);
    }
  }
}
