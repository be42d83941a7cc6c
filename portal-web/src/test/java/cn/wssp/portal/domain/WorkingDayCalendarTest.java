package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {
  final WorkingDayCalendar calendar = new WorkingDayCalendar();

  @Test
  void twoWorkingDaysFromMondayIsWednesday() {
    assertEquals(LocalDate.of(2026, 11, 25), calendar.addWorkingDays(LocalDate.of(2026, 11, 23), 2));
  }

  @Test
  void weekendsAreSkipped() {
    // Friday 27 Nov 2026 + 2 working days: Monday 30 Nov, Tuesday 1 Dec.
    assertEquals(LocalDate.of(2026, 12, 1), calendar.addWorkingDays(LocalDate.of(2026, 11, 27), 2));
    // Submitted on a Saturday: Monday and Tuesday count.
    assertEquals(LocalDate.of(2026, 12, 1), calendar.addWorkingDays(LocalDate.of(2026, 11, 28), 2));
  }

  @Test
  void zeroDaysIsTheSameDay() {
    assertEquals(LocalDate.of(2026, 11, 28), calendar.addWorkingDays(LocalDate.of(2026, 11, 28), 0));
  }

  @Test
  void holidaysAndMakeUpWorkingDaysAreHonoured() {
    WorkingDayCalendar national = WorkingDayCalendar.withHolidays(
        Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)), Set.of(LocalDate.of(2026, 10, 10)));
    assertEquals(LocalDate.of(2026, 10, 5), national.addWorkingDays(LocalDate.of(2026, 9, 30), 1));
    assertTrue(national.isWorkingDay(LocalDate.of(2026, 10, 10))); // a Saturday made a working day
  }

  @Test
  void negativeDaysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(LocalDate.now(), -1));
  }
}
