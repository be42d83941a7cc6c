package cn.wssp.portal.application;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;

/**
 * Electronic supervision lights (电子监察, §3): RED when overdue, YELLOW when at most one working
 * day is left, GREEN otherwise; null when no clock runs.
 */
public final class Light {
  private Light() {}

  public static String of(LocalDate due, LocalDate today, WorkingDayCalendar calendar) {
    if (due == null) {
      return null;
    }
    if (today.isAfter(due)) {
      return "RED";
    }
    LocalDate oneLeft = calendar.addWorkingDays(today, 1);
    return oneLeft.isAfter(due) || oneLeft.isEqual(due) ? "YELLOW" : "GREEN";
  }
}
