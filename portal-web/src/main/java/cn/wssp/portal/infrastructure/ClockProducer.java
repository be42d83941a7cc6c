package cn.wssp.portal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.ZoneId;

/** The portal's clock: China Standard Time, since legal dates are local dates in China. */
@ApplicationScoped
public class ClockProducer {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Produces // dependent: a Clock is immutable, so no proxy is needed
  Clock clock() {
    return Clock.system(ZONE);
  }

  /** Weekends only for now; the admin's holiday calendar replaces this in a later step. */
  @Produces
  WorkingDayCalendar calendar() {
    return new WorkingDayCalendar();
  }
}
