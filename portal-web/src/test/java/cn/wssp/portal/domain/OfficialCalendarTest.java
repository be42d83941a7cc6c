package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.calendar.CalendarRepository.YearDays;
import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import cn.wssp.portal.testing.InMemoryCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The State Council's 2025 and 2026 schedules as the portal seeds them (V6__calendar.sql). */
class OfficialCalendarTest {
  final YearDays days = InMemoryCalendar.official().all();
  final WorkingDayCalendar calendar = WorkingDayCalendar.withHolidays(days.holidays(), days.workdays());

  @Test
  void theDayBeforeNationalDayPlusOneLandsAfterTheHoliday() {
    assertEquals(LocalDate.of(2026, 10, 8), calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1));
  }

  @Test
  void makeUpWorkingSaturdaysCount() {
    // 2026-02-14 (Saturday) is worked before the Spring Festival holiday (2-15 to 2-23).
    assertEquals(LocalDate.of(2026, 2, 14), calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1));
    assertEquals(LocalDate.of(2026, 2, 24), calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1));
    assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 9, 28)), "a Sunday worked in 2025");
    assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 8)), "the eighth day of 2025's holiday");
  }

  @Test
  void bothYearsAreComplete() {
    assertEquals(28, days.holidays().stream().filter(d -> d.getYear() == 2025).count());
    assertTrue(days.holidays().contains(LocalDate.of(2026, 1, 1)));
    assertTrue(days.workdays().contains(LocalDate.of(2026, 1, 4)));
  }

  @Test
  void workingDaysBetweenCountsOnlyWorkingDays() {
    assertEquals(1, calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 8)));
    assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 8)));
  }
}
