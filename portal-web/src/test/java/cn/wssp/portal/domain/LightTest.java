package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import cn.wssp.portal.domain.model.Light;
import cn.wssp.portal.domain.model.StatutoryClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LightTest {
  final WorkingDayCalendar calendar = new WorkingDayCalendar();
  final LocalDate monday = LocalDate.of(2026, 11, 23);

  /** The pre-review's clock: 2 working days, so "one left" is yellow at only half used. */
  Light of2(LocalDate due, LocalDate today) {
    return Light.of(new StatutoryClock(due, 2, null), today, calendar);
  }

  @Test
  void greenYellowRed() {
    LocalDate wednesday = LocalDate.of(2026, 11, 25);
    assertEquals(Light.GREEN, of2(wednesday, monday), "2 left");
    assertEquals(Light.YELLOW, of2(wednesday, monday.plusDays(1)), "1 left, 50 % used");
    assertEquals(Light.YELLOW, of2(wednesday, wednesday), "the due day");
    assertEquals(Light.RED, of2(wednesday, wednesday.plusDays(1)), "overdue");
    assertNull(Light.of(null, monday, calendar));
  }

  @Test
  void mondayDeadlineIsYellowOnFridayOnly() {
    LocalDate nextMonday = LocalDate.of(2026, 11, 30);
    assertEquals(Light.GREEN, of2(nextMonday, LocalDate.of(2026, 11, 26)));
    assertEquals(Light.YELLOW, of2(nextMonday, LocalDate.of(2026, 11, 27)));
    assertEquals(Light.YELLOW, of2(nextMonday, LocalDate.of(2026, 11, 29)), "Sunday: 1 left");
  }

  /** 10 working days: 7 used (3 left) is green, 8 used (80 %, 2 left) is yellow. */
  @Test
  void eightyPercentUsedIsYellow() {
    LocalDate due = LocalDate.of(2026, 12, 4); // Friday; 10 working days after 2026-11-20
    StatutoryClock ten = new StatutoryClock(due, 10, null);
    assertEquals(Light.GREEN, Light.of(ten, LocalDate.of(2026, 12, 1), calendar), "3 left, 70 % used");
    assertEquals(Light.YELLOW, Light.of(ten, LocalDate.of(2026, 12, 2), calendar), "2 left, 80 % used");
    assertEquals(Light.YELLOW, Light.of(ten, due, calendar), "0 left");
    assertEquals(Light.RED, Light.of(ten, due.plusDays(1), calendar), "overdue the next day");
  }

  /** A paused clock keeps the light of its pause day, also past its due day. */
  @Test
  void aPausedClockKeepsItsLight() {
    LocalDate due = LocalDate.of(2026, 12, 4);
    StatutoryClock paused = new StatutoryClock(due, 10, LocalDate.of(2026, 11, 23));
    assertEquals(Light.GREEN, Light.of(paused, LocalDate.of(2026, 12, 20), calendar));
  }
}
