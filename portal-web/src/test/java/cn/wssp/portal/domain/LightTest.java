package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import cn.wssp.portal.domain.model.Light;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LightTest {
  final WorkingDayCalendar calendar = new WorkingDayCalendar();
  final LocalDate monday = LocalDate.of(2026, 11, 23);

  @Test
  void greenYellowRed() {
    assertEquals(Light.GREEN, Light.of(LocalDate.of(2026, 11, 26), monday, calendar));
    assertEquals(Light.YELLOW, Light.of(LocalDate.of(2026, 11, 24), monday, calendar));
    assertEquals(Light.YELLOW, Light.of(monday, monday, calendar));
    assertEquals(Light.RED, Light.of(LocalDate.of(2026, 11, 20), monday, calendar));
    assertNull(Light.of(null, monday, calendar));
  }

  @Test
  void fridayDeadlineIsYellowOnThursdayOnly() {
    LocalDate friday = LocalDate.of(2026, 11, 27);
    assertEquals(Light.GREEN, Light.of(friday, LocalDate.of(2026, 11, 25), calendar));
    assertEquals(Light.YELLOW, Light.of(friday, LocalDate.of(2026, 11, 26), calendar));
  }
}
