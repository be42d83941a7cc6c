package cn.wssp.portal.domain.model;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;

/**
 * Electronic supervision lights (电子监察, §3): RED when overdue, YELLOW when at most one working
 * day is left, GREEN otherwise.
 */
public enum Light {
  GREEN,
  YELLOW,
  RED;

  /** The light of a running clock, or null when no clock runs (due is null). */
  public static Light of(LocalDate due, LocalDate today, WorkingDayCalendar calendar) {
    if (due == null) {
      return null;
    }
    if (today.isAfter(due)) {
      return RED;
    }
    LocalDate oneLeft = calendar.addWorkingDays(today, 1);
    return oneLeft.isAfter(due) || oneLeft.isEqual(due) ? YELLOW : GREEN;
  }
}
