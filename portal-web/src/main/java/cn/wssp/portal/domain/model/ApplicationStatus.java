package cn.wssp.portal.domain.model;

import java.util.EnumSet;
import java.util.Set;

/** The application lifecycle of §3, with the Chinese label shown to users. */
public enum ApplicationStatus {
  DRAFT("草稿"),
  SUBMITTED("已提交，预审中"),
  PRE_REVIEWED("预审完成，待窗口确认"),
  SUPPLEMENT_REQUESTED("待补正"),
  ACCEPTED("已受理"),
  ACCEPTED_ON_COMMITMENT("已容缺受理"),
  /** 视为受理: the window did not act within the two working days of the pre-review (§3). */
  DEEMED_ACCEPTED("视为受理"),
  NOT_ACCEPTED("不予受理"),
  UNDER_REVIEW("审查中"),
  /** 审查补正: a deciding department asked for materials during review; the review clock pauses. */
  REVIEW_SUPPLEMENT_REQUESTED("审查中，待补正"),
  /** 上报件: sent to the higher authority that decides; the review clock pauses meanwhile. */
  FORWARDED("已上报，待上级机关批复"),
  APPROVED("准予许可"),
  DENIED("不予许可"),
  ISSUED("已办结"),
  WITHDRAWN("已撤回"),
  REVOKED("已撤销");

  private final String label;

  ApplicationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Statuses in which a chief representative may decide. */
  public static final Set<ApplicationStatus> DECIDABLE =
      EnumSet.of(ACCEPTED, ACCEPTED_ON_COMMITMENT, DEEMED_ACCEPTED, UNDER_REVIEW, APPROVED);

  /**
   * Statuses waiting for the window, on the 2-working-day pre-review clock. The clerk acts once
   * the automatic pre-review is done (PRE_REVIEWED); {@link Application} guards that.
   */
  public static final Set<ApplicationStatus> AWAITING_ACCEPTANCE = EnumSet.of(SUBMITTED, PRE_REVIEWED);

  /**
   * Accepted and not yet decided by any department: a deciding department may ask for a 审查补正
   * (the application is UNDER_REVIEW also while a joint matter waits for other departments).
   */
  public static final Set<ApplicationStatus> UNDER_EXAMINATION = EnumSet.of(ACCEPTED,
      ACCEPTED_ON_COMMITMENT, DEEMED_ACCEPTED, UNDER_REVIEW);

  /** The review clock runs (accepted, no final decision, not paused): 超时默许 may apply. */
  public static final Set<ApplicationStatus> REVIEW_RUNNING = UNDER_EXAMINATION;

  /** Statuses in which the applicant may sign a commitment (承诺书). */
  public static final Set<ApplicationStatus> COMMITTABLE = EnumSet.of(SUBMITTED, PRE_REVIEWED);

  /** Accepted on a commitment and not yet closed: the promised materials may still come in. */
  public static final Set<ApplicationStatus> AWAITING_PROMISED =
      EnumSet.of(ACCEPTED_ON_COMMITMENT, UNDER_REVIEW, REVIEW_SUPPLEMENT_REQUESTED, FORWARDED,
          APPROVED, ISSUED);

  /** Statuses in which the applicant may withdraw: any before a decision (§3). */
  public static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(DRAFT, SUBMITTED,
      PRE_REVIEWED, SUPPLEMENT_REQUESTED, ACCEPTED, ACCEPTED_ON_COMMITMENT, DEEMED_ACCEPTED,
      UNDER_REVIEW, REVIEW_SUPPLEMENT_REQUESTED, FORWARDED);

  /** Statuses in which the applicant may change materials. */
  public static final Set<ApplicationStatus> EDITABLE = EnumSet.of(DRAFT, SUPPLEMENT_REQUESTED);

  /** Final states: nothing more happens to the application (no clock runs, 电子监察 counts it closed). */
  public static final Set<ApplicationStatus> FINAL = EnumSet.of(NOT_ACCEPTED, ISSUED, WITHDRAWN,
      REVOKED);

  /** After an outcome the applicant may rate the service (好差评). */
  public static final Set<ApplicationStatus> EVALUABLE = EnumSet.of(ISSUED, NOT_ACCEPTED, REVOKED);
}
