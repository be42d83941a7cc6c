package cn.wssp.portal.domain.model;

import static cn.wssp.portal.domain.model.ApplicationStatus.*;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A license application and its lifecycle (§3). Every transition goes through {@link #moveTo},
 * which refuses moves the lifecycle does not allow; the caller records the audit entry.
 */
@Entity
@Table(name = "application")
public class Application {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String number;

  @ManyToOne(optional = false)
  @JoinColumn(name = "matter_id")
  private Matter matter;

  /** The matter version in force at creation: the application is judged under it (§2). */
  @Column(name = "matter_version")
  private int matterVersion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "enterprise_id")
  private Enterprise enterprise;

  @ManyToOne(optional = false)
  @JoinColumn(name = "applicant_id")
  private UserAccount applicant;

  @Enumerated(EnumType.STRING)
  private ApplicationStatus status;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "pre_review_due")
  private LocalDate preReviewDue;

  @Column(name = "pre_review_verdict")
  private String preReviewVerdict;

  @Column(name = "pre_reviewed_at")
  private Instant preReviewedAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "review_due")
  private LocalDate reviewDue;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version
  @Column(name = "row_version")
  private long rowVersion;

  protected Application() {}

  public Application(String number, Matter matter, UserAccount applicant, Instant now) {
    if (applicant.enterprise() == null) {
      throw DomainException.forbidden("只有企业用户可以提交申请。");
    }
    this.number = number;
    this.matter = matter;
    this.matterVersion = matter.version();
    this.enterprise = applicant.enterprise();
    this.applicant = applicant;
    this.status = DRAFT;
    this.createdAt = now;
  }

  /** Submission starts the 2-working-day pre-review clock. */
  public void submit(Instant now, LocalDate preReviewDue) {
    moveTo(SUBMITTED, Set.of(DRAFT, SUPPLEMENT_REQUESTED), "提交");
    this.submittedAt = now;
    this.preReviewDue = preReviewDue;
    this.preReviewVerdict = null;
    this.preReviewedAt = null;
  }

  public void recordPreReview(String verdict, Instant now) {
    moveTo(PRE_REVIEWED, Set.of(SUBMITTED), "记录预审结果");
    this.preReviewVerdict = verdict;
    this.preReviewedAt = now;
  }

  public void accept(Instant now, LocalDate reviewDue, boolean onCommitment) {
    moveTo(onCommitment ? ACCEPTED_ON_COMMITMENT : ACCEPTED, AWAITING_ACCEPTANCE, "受理");
    this.acceptedAt = now;
    this.reviewDue = reviewDue;
  }

  public void requestSupplement() {
    moveTo(SUPPLEMENT_REQUESTED, AWAITING_ACCEPTANCE, "要求补正");
  }

  public void refuseAcceptance(Instant now) {
    moveTo(NOT_ACCEPTED, AWAITING_ACCEPTANCE, "不予受理");
    this.decidedAt = now;
  }

  public void startReview() {
    moveTo(UNDER_REVIEW, Set.of(ACCEPTED, ACCEPTED_ON_COMMITMENT), "开始审查");
  }

  /** A department approved; a joint decision stays APPROVED until every department has signed. */
  public void approve(Instant now) {
    moveTo(APPROVED, DECIDABLE, "准予许可");
    this.decidedAt = now;
  }

  public void deny(Instant now) {
    moveTo(DENIED, DECIDABLE, "不予许可");
    this.decidedAt = now;
  }

  public void issue() {
    moveTo(ISSUED, Set.of(APPROVED, DENIED), "办结");
  }

  public void withdraw() {
    moveTo(WITHDRAWN, Set.of(DRAFT, SUBMITTED, PRE_REVIEWED, SUPPLEMENT_REQUESTED, ACCEPTED,
        ACCEPTED_ON_COMMITMENT, UNDER_REVIEW), "撤回");
  }

  private void moveTo(ApplicationStatus target, Set<ApplicationStatus> allowedFrom, String action) {
    if (!allowedFrom.contains(status)) {
      throw DomainException.conflict(
          "申请 " + number + " 当前状态为「" + status.label() + "」，不能" + action + "。");
    }
    this.status = target;
  }

  public boolean isEditableByApplicant() {
    return EDITABLE.contains(status);
  }

  public Long id() { return id; }
  public String number() { return number; }
  public Matter matter() { return matter; }
  public int matterVersion() { return matterVersion; }
  public Enterprise enterprise() { return enterprise; }
  public UserAccount applicant() { return applicant; }
  public ApplicationStatus status() { return status; }
  public Instant createdAt() { return createdAt; }
  public Instant submittedAt() { return submittedAt; }
  public LocalDate preReviewDue() { return preReviewDue; }
  public String preReviewVerdict() { return preReviewVerdict; }
  public Instant preReviewedAt() { return preReviewedAt; }
  public Instant acceptedAt() { return acceptedAt; }
  public LocalDate reviewDue() { return reviewDue; }
  public Instant decidedAt() { return decidedAt; }
}
