package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** 承诺书 (§5): the applicant promises to supply these materials by the due date. */
@Entity
@Table(name = "commitment")
public class Commitment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  /** Material codes, comma-separated. */
  private String materials;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "signed_by")
  private Long signedBy;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Enumerated(EnumType.STRING)
  private CommitmentStatus status = CommitmentStatus.OPEN;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** The smallest reminder threshold (working days before the due date) already sent. */
  @Column(name = "reminded_days")
  private Integer remindedDays;

  /** Reminders go out 7, 3 and 1 working days before the due date (§5). */
  public static final java.util.List<Integer> REMINDER_DAYS = java.util.List.of(7, 3, 1);

  protected Commitment() {}

  public Commitment(Long applicationId, List<String> materials, LocalDate dueDate, Long signedBy,
      Instant signedAt) {
    this.applicationId = applicationId;
    this.materials = String.join(",", materials);
    this.dueDate = dueDate;
    this.signedBy = signedBy;
    this.signedAt = signedAt;
  }

  /** The promised materials passed the pre-review: the promise is kept. */
  public void fulfil(Instant now) {
    requireOpen("履行");
    status = CommitmentStatus.FULFILLED;
    closedAt = now;
  }

  /** The due date passed with the materials still owed (§5: the case turns red). */
  public void breach(LocalDate today, Instant now) {
    requireOpen("认定逾期");
    if (!isOverdue(today)) {
      throw DomainException.conflict("承诺补交日期 " + dueDate + " 尚未届满。")
          .inEnglish("The promised date " + dueDate + " for handing in the materials has not"
              + " passed yet.");
    }
    status = CommitmentStatus.BREACHED;
    closedAt = now;
  }

  /** The decision it supported was revoked. */
  public void revoke(Instant now) {
    status = CommitmentStatus.REVOKED;
    closedAt = now;
  }

  /**
   * The reminder due with {@code workingDaysLeft} working days to go, if one is due and not sent
   * yet (a late sweep sends only the nearest one); records it as sent.
   */
  public java.util.OptionalInt remind(long workingDaysLeft) {
    if (!isOpen() || workingDaysLeft < 0) {
      return java.util.OptionalInt.empty();
    }
    java.util.OptionalInt due = REMINDER_DAYS.stream().mapToInt(Integer::intValue)
        .filter(t -> workingDaysLeft <= t).min();
    if (due.isEmpty() || (remindedDays != null && remindedDays <= due.getAsInt())) {
      return java.util.OptionalInt.empty();
    }
    remindedDays = due.getAsInt();
    return due;
  }

  public boolean isOpen() {
    return status == CommitmentStatus.OPEN;
  }

  /** Still owed after the due day. */
  public boolean isOverdue(LocalDate today) {
    return isOpen() && today.isAfter(dueDate);
  }

  public boolean promises(String materialCode) {
    return materials().contains(materialCode);
  }

  private void requireOpen(String action) {
    if (!isOpen()) {
      throw DomainException.conflict("承诺书状态为「" + status.label() + "」，不能" + action + "。")
          .inEnglish("The commitment is no longer open (" + status.name().toLowerCase(
              java.util.Locale.ROOT) + ").");
    }
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public CommitmentStatus status() { return status; }
  public Instant closedAt() { return closedAt; }
  public List<String> materials() { return Arrays.asList(materials.split(",")); }
  public LocalDate dueDate() { return dueDate; }
  public Instant signedAt() { return signedAt; }
}
