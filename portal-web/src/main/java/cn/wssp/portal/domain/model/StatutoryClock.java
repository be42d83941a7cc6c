package cn.wssp.portal.domain.model;

import java.time.LocalDate;

/**
 * A legal clock (限时办结) as it stands: the day it runs out, how many working days it gives in
 * all, and the day it was paused on (审查补正), null while it runs. Paused working days have
 * already moved {@code due}, so {@code workingDays} stays the clock's full length.
 */
public record StatutoryClock(LocalDate due, int workingDays, LocalDate pausedOn) {
  public boolean isPaused() {
    return pausedOn != null;
  }
}
