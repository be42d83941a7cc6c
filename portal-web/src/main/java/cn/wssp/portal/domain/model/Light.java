package cn.wssp.portal.domain.model;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;

/**
 * Electronic supervision lights (电子监察, §3, issue 8), the one place of the rule: RED when the
 * clock has run out (today is after its due day); YELLOW when at most one working day is left or
 * at least 80 % of the clock's working days are used; GREEN otherwise. A paused clock (审查补正)
 * keeps the light it had on the day it was paused: the pause neither helps nor harms.
 */
public enum Light {
  GREEN,
  YELLOW,
  RED;

  /** The share of a clock's working days that, once used, turns it yellow: 80 % (4 / 5). */
  static final int YELLOW_USED_NUMERATOR = 4;
  static final int YELLOW_USED_DENOMINATOR = 5;

  /** The light of a clock, or null when no clock runs. */
  public static Light of(StatutoryClock clock, LocalDate today, WorkingDayCalendar calendar) {
    if (clock == null || clock.due() == null) {
      return null;
    }
    LocalDate at = clock.isPaused() ? clock.pausedOn() : today;
    if (at.isAfter(clock.due())) {
      return RED;
    }
    long left = calendar.workingDaysBetween(at, clock.due());
    long used = clock.workingDays() - left;
    boolean mostlyUsed = used * YELLOW_USED_DENOMINATOR
        >= (long) clock.workingDays() * YELLOW_USED_NUMERATOR;
    return left <= 1 || mostlyUsed ? YELLOW : GREEN;
  }
}
