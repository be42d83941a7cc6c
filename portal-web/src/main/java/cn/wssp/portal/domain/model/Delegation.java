package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.LocalDate;

/**
 * A written authorisation (委托书) letting a chief representative decide and seal for a
 * department: for one matter or all of them (matterCode null), from one date to another.
 */
@Entity
@Table(name = "delegation")
public class Delegation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id")
  private Long userId;

  @Column(name = "department_id")
  private Long departmentId;

  @Column(name = "matter_code")
  private String matterCode;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  protected Delegation() {}

  public Delegation(Long userId, Long departmentId, String matterCode, LocalDate validFrom,
      LocalDate validTo) {
    this.userId = userId;
    this.departmentId = departmentId;
    this.matterCode = matterCode;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  public boolean covers(Long department, String matter, LocalDate day) {
    return departmentId.equals(department)
        && (matterCode == null || matterCode.equals(matter))
        && !day.isBefore(validFrom)
        && !day.isAfter(validTo);
  }

  public Long userId() { return userId; }
}
