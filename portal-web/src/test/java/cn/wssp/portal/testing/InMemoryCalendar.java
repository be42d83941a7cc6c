package cn.wssp.portal.testing;

import cn.wssp.portal.domain.calendar.CalendarRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calendar in memory, seeded from the very migration that seeds the database. */
public class InMemoryCalendar implements CalendarRepository {
  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> workdays = new HashSet<>();

  /** The official 2025 and 2026 schedules, read from V6__calendar.sql. */
  public static InMemoryCalendar official() {
    InMemoryCalendar c = new InMemoryCalendar();
    try {
      String sql = Files.readString(Path.of("src/main/resources/db/migration/V6__calendar.sql"));
      Matcher m = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)'").matcher(sql);
      while (m.find()) {
        (m.group(2).equals("HOLIDAY") ? c.holidays : c.workdays).add(LocalDate.parse(m.group(1)));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return c;
  }

  @Override
  public YearDays all() {
    return new YearDays(holidays, workdays);
  }

  @Override
  public YearDays year(int year) {
    return new YearDays(holidays.stream().filter(d -> d.getYear() == year).collect(java.util.stream.Collectors.toSet()),
        workdays.stream().filter(d -> d.getYear() == year).collect(java.util.stream.Collectors.toSet()));
  }

  @Override
  public void replaceYear(int year, YearDays days) {
    holidays.removeIf(d -> d.getYear() == year);
    workdays.removeIf(d -> d.getYear() == year);
    holidays.addAll(days.holidays());
    workdays.addAll(days.workdays());
  }
}
