package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** A chief representative away (请假、出差) on the days from–to, both included. */
@Entity
@Table(name = "absence")
public class Absence {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id")
  private Long userId;

  @Column(name = "absent_from")
  private LocalDate from;

  @Column(name = "absent_to")
  private LocalDate to;

  private String reason;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected Absence() {}

  /** Refuses a period that ends before it starts or has no reason. */
  public Absence(UserAccount chief, LocalDate from, LocalDate to, String reason, String recordedBy,
      Instant now) {
    if (chief.chiefRole() == null) {
      throw DomainException.invalid("「" + chief.displayName() + "」不是首席代表，无需登记缺席。")
          .inEnglish(chief.displayName() + " is not a chief representative: no absence to record.");
    }
    if (from == null || to == null || to.isBefore(from)) {
      throw DomainException.invalid("缺席期间无效：from 和 to 须为日期，且 to 不早于 from。")
          .inEnglish("Give the absence's first and last day, the last not before the first.");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("请填写缺席事由（reason）。")
          .inEnglish("Give the reason for the absence.");
    }
    this.userId = chief.id();
    this.from = from;
    this.to = to;
    this.reason = reason.trim().length() > 500 ? reason.trim().substring(0, 500) : reason.trim();
    this.recordedBy = recordedBy;
    this.recordedAt = now;
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  public Long id() { return id; }
  public Long userId() { return userId; }
  public LocalDate from() { return from; }
  public LocalDate to() { return to; }
  public String reason() { return reason; }
  public String recordedBy() { return recordedBy; }
}
