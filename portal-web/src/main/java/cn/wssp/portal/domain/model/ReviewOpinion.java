package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.Set;

/**
 * 审查意见: a department's reviewer advises its chief representative (approve or deny, with the
 * reason a denial needs) on an accepted application, before the department decides. It is advice:
 * the chief's decision is the department's act.
 */
@Entity
@Table(name = "review_opinion")
public class ReviewOpinion {
  public static final int MAX_REASON = 2000;

  /** Accepted and not yet decided: the statuses in which a reviewer examines the application. */
  static final Set<ApplicationStatus> UNDER_EXAMINATION = ApplicationStatus.UNDER_EXAMINATION;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", updatable = false)
  private Long applicationId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "department_id", updatable = false)
  private Department department;

  @ManyToOne(optional = false)
  @JoinColumn(name = "reviewer_id", updatable = false)
  private UserAccount reviewer;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private DecisionOutcome outcome;

  @Column(updatable = false)
  private String reason;

  @Column(name = "given_at", updatable = false)
  private Instant givenAt;

  protected ReviewOpinion() {}

  /**
   * The reviewer's opinion for the reviewer's own department: an outcome, a reason for a denial
   * (400 naming the field), on an accepted application its department has not decided yet (409).
   */
  public static ReviewOpinion of(Application app, JointDecision decisions, UserAccount reviewer,
      DecisionOutcome outcome, String reason, Instant now, java.time.ZoneId zone) {
    if (outcome == null) {
      throw DomainException.invalid("请选择审查意见（outcome 应为 APPROVE 或 DENY）。")
          .inEnglish("Choose the opinion: approve or deny.");
    }
    String why = reason == null || reason.isBlank() ? null : reason.trim();
    if (outcome == DecisionOutcome.DENY && why == null) {
      throw DomainException.invalid("审查意见为不予许可时须填写理由（reason）。")
          .inEnglish("An opinion to deny gives its reason.");
    }
    if (why != null && why.length() > MAX_REASON) {
      throw DomainException.invalid("理由（reason）不能超过 " + MAX_REASON + " 个字。")
          .inEnglish("The reason may be at most " + MAX_REASON + " characters long.");
    }
    if (!app.matter().involves(reviewer.department())) {
      throw DomainException.forbidden("您所在部门不是事项「" + app.matter().name() + "」的审批部门。")
          .inEnglish("Your department does not decide matter \"" + app.matter().name() + "\".");
    }
    if (!UNDER_EXAMINATION.contains(app.status())) {
      throw DomainException.conflict("申请当前状态为「" + app.status().label()
          + "」，受理后、决定前才能提出审查意见。")
          .inEnglish("Review opinions are given after acceptance and before the decision; the"
              + " application is " + app.status().name().toLowerCase(java.util.Locale.ROOT)
                  .replace('_', ' ') + ".");
    }
    decisions.requireOpenFor(reviewer.department(), zone);
    ReviewOpinion o = new ReviewOpinion();
    o.applicationId = app.id();
    o.department = reviewer.department();
    o.reviewer = reviewer;
    o.outcome = outcome;
    o.reason = why;
    o.givenAt = now;
    return o;
  }

  /** Accepted and not yet decided: reviewers may give opinions now. */
  public static boolean isOpenFor(Application app) {
    return UNDER_EXAMINATION.contains(app.status());
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public Department department() { return department; }
  public UserAccount reviewer() { return reviewer; }
  public DecisionOutcome outcome() { return outcome; }
  public String reason() { return reason; }
  public Instant givenAt() { return givenAt; }
}
