package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.calendar.CalendarRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The calendar_day table: plain rows (date, HOLIDAY or WORKDAY), no entity needed. */
@ApplicationScoped
public class JpaCalendarRepository implements CalendarRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  @Transactional
  public YearDays all() {
    return read("SELECT on_date, kind FROM calendar_day", null, null);
  }

  @Override
  @Transactional
  public YearDays year(int year) {
    return read("SELECT on_date, kind FROM calendar_day WHERE on_date >= ?1 AND on_date < ?2",
        LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void replaceYear(int year, YearDays days) {
    em.createNativeQuery("DELETE FROM calendar_day WHERE on_date >= ?1 AND on_date < ?2")
        .setParameter(1, Date.valueOf(LocalDate.of(year, 1, 1)))
        .setParameter(2, Date.valueOf(LocalDate.of(year + 1, 1, 1))).executeUpdate();
    insert(days.holidays(), "HOLIDAY");
    insert(days.workdays(), "WORKDAY");
  }

  private void insert(Set<LocalDate> dates, String kind) {
    for (LocalDate d : dates) {
      em.createNativeQuery("INSERT INTO calendar_day(on_date, kind) VALUES (?1, ?2)")
          .setParameter(1, Date.valueOf(d)).setParameter(2, kind).executeUpdate();
    }
  }

  private YearDays read(String sql, LocalDate from, LocalDate to) {
    var q = em.createNativeQuery(sql);
    if (from != null) {
      q.setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to));
    }
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> workdays = new HashSet<>();
    for (Object row : (List<?>) q.getResultList()) {
      Object[] cols = (Object[]) row;
      LocalDate day = cols[0] instanceof Date d ? d.toLocalDate() : LocalDate.parse(cols[0].toString());
      ("WORKDAY".equals(cols[1]) ? workdays : holidays).add(day);
    }
    return new YearDays(holidays, workdays);
  }
}
