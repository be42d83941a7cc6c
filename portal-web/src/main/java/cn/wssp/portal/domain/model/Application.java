package cn.wssp.portal.domain.model;

import static cn.wssp.portal.domain.model.ApplicationStatus.*;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

  /**
   * The rule set version in force at the first submission: the application is judged under it,
   * also after a 补正 resubmission and when promised materials follow, so a rule published later
   * never changes its verdict. Null: no rule set was published (judged by the material list).
   */
  @Column(name = "rules_version")
  private Integer rulesVersion;

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

  @Enumerated(EnumType.STRING)
  @Column(name = "pre_review_verdict")
  private Verdict preReviewVerdict;

  /** The clerk's own words of the latest supplement request (补正), or null. */
  @Column(name = "supplement_reason")
  private String supplementReason;

  @Column(name = "pre_reviewed_at")
  private Instant preReviewedAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "review_due")
  private LocalDate reviewDue;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** 审查补正: the day the review clock was paused on; null while it runs. */
  @Column(name = "review_paused_on")
  private LocalDate reviewPausedOn;

  /** Working days of the review clock's pauses that have ended; reviewDue has moved by them. */
  @Column(name = "review_paused_days")
  private int reviewPausedDays;

  /** The open 审查补正: why, which materials (codes, comma-separated) and when it was asked. */
  @Column(name = "review_supplement_reason")
  private String reviewSupplementReason;

  @Column(name = "review_supplement_materials")
  private String reviewSupplementMaterials;

  @Column(name = "review_supplement_at")
  private Instant reviewSupplementAt;

  /** 办件查询码: with the number, opens the public progress view (no personal data). */
  @Column(name = "tracking_code", updatable = false)
  private String trackingCode;

  @Version
  @Column(name = "row_version")
  private long rowVersion;

  protected Application() {}

  public Application(String number, Matter matter, UserAccount applicant, Instant now,
      String trackingCode) {
    if (applicant.enterprise() == null) {
      throw DomainException.forbidden("只有企业用户可以提交申请。")
          .inEnglish("Only enterprise users can apply.");
    }
    this.number = number;
    this.matter = matter;
    this.matterVersion = matter.version();
    this.enterprise = applicant.enterprise();
    this.applicant = applicant;
    this.status = DRAFT;
    this.createdAt = now;
    this.trackingCode = trackingCode;
  }

  /** The given code opens this application's tracking (any case, compared in constant time). */
  /** Gives an application of an older version (created before tracking codes) its code, once. */
  public boolean assignTrackingCode(String code) {
    if (trackingCode != null) {
      return false;
    }
    trackingCode = code;
    return true;
  }

  public boolean matchesTrackingCode(String code) {
    if (trackingCode == null || code == null) {
      return false;
    }
    return java.security.MessageDigest.isEqual(
        trackingCode.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        code.trim().toUpperCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * The due date of the legal clock running now: pre-review while waiting for the window, review
   * from acceptance to the decision; null when no clock runs (draft, supplement, final states).
   */
  public LocalDate runningDue() {
    return switch (status) {
      case SUBMITTED, PRE_REVIEWED -> preReviewDue;
      case ACCEPTED, ACCEPTED_ON_COMMITMENT, DEEMED_ACCEPTED, UNDER_REVIEW, APPROVED,
          REVIEW_SUPPLEMENT_REQUESTED, FORWARDED -> reviewDue;
      default -> null;
    };
  }

  /** Pre-review must finish within two working days of submission (§3). */
  public static final int PRE_REVIEW_WORKING_DAYS = 2;

  /**
   * The legal clock of the current step with its full length (the lights' input): pre-review
   * (2 working days) while waiting for the window, review (the matter's time limit) from
   * acceptance to the decision, paused during a 审查补正; null when no clock runs.
   */
  public StatutoryClock runningClock() {
    LocalDate due = runningDue();
    if (due == null) {
      return null;
    }
    return AWAITING_ACCEPTANCE.contains(status)
        ? new StatutoryClock(due, PRE_REVIEW_WORKING_DAYS, null)
        : new StatutoryClock(due, matter.timeLimitDays(), reviewPausedOn);
  }

  public boolean isFinal() {
    return FINAL.contains(status);
  }

  /** Submission starts the 2-working-day pre-review clock. */
  public void submit(Instant now, LocalDate preReviewDue) {
    submit(now, preReviewDue, null);
  }

  /** Submission; the first one records the rule set version in force (kept from then on). */
  public void submit(Instant now, LocalDate preReviewDue, Integer rulesVersionInForce) {
    moveTo(SUBMITTED, Set.of(DRAFT, SUPPLEMENT_REQUESTED), "提交");
    if (submittedAt == null) { // the first submission; a 补正 resubmission keeps it
      this.rulesVersion = rulesVersionInForce;
    }
    this.submittedAt = now;
    this.preReviewDue = preReviewDue;
    this.preReviewVerdict = null;
    this.preReviewedAt = null;
  }

  public void recordPreReview(Verdict verdict, Instant now) {
    moveTo(PRE_REVIEWED, Set.of(SUBMITTED), "记录预审结果");
    this.preReviewVerdict = verdict;
    this.preReviewedAt = now;
  }

  /**
   * Accepting against the pre-review's proposal (anything but COMPLETE, unless a commitment
   * covers the gap) is an override, and an override needs the clerk's reason (§4).
   */
  public boolean acceptanceWouldOverride(boolean committed) {
    return preReviewVerdict != Verdict.COMPLETE && !committed;
  }

  /** 受理: starts the review clock; on a commitment the application is accepted on it (§5). */
  public void accept(Instant now, LocalDate reviewDue, boolean committed, String reason) {
    requireAwaitingWindow("受理");
    if (acceptanceWouldOverride(committed) && (reason == null || reason.isBlank())) {
      throw DomainException.invalid("预审结论为「" + preReviewVerdict.label()
          + "」，如仍予受理，请填写理由（reason）。").inEnglish("The pre-review did not find the"
          + " materials complete: to accept all the same, give a reason.");
    }
    moveTo(committed ? ACCEPTED_ON_COMMITMENT : ACCEPTED, Set.of(PRE_REVIEWED), "受理");
    this.acceptedAt = now;
    this.reviewDue = reviewDue;
  }

  /**
   * 视为受理 (§3): nobody at the window acted by the end of the pre-review's due day, so the
   * application counts as accepted from its submission; the review clock runs from then.
   */
  public void deemAccepted(LocalDate today, LocalDate reviewDue) {
    if (!isPreReviewOverdue(today)) {
      throw DomainException.conflict("申请 " + number + " 的预审时限未过，不能视为受理。")
          .inEnglish("The pre-review time limit of " + number + " has not passed yet.");
    }
    moveTo(DEEMED_ACCEPTED, AWAITING_ACCEPTANCE, "视为受理");
    this.acceptedAt = submittedAt;
    this.reviewDue = reviewDue;
  }

  /** Waiting for the window after its pre-review due date. */
  public boolean isPreReviewOverdue(LocalDate today) {
    return AWAITING_ACCEPTANCE.contains(status) && preReviewDue != null && today.isAfter(preReviewDue);
  }

  /** 补正: back to the applicant, who may change materials and submit again. */
  public void requestSupplement() {
    requestSupplement(null);
  }

  /** 补正 with the clerk's own words (kept for the applicant's page; blank for none). */
  public void requestSupplement(String reason) {
    requireAwaitingWindow("要求补正");
    moveTo(SUPPLEMENT_REQUESTED, Set.of(PRE_REVIEWED), "要求补正");
    this.supplementReason = reason == null || reason.isBlank() ? null : reason.trim();
  }

  /** 不采纳 of a finding: only while the window judges the pre-review (PRE_REVIEWED). */
  public void requireAtWindow(String action) {
    requireAwaitingWindow(action);
    if (status != PRE_REVIEWED) {
      throw DomainException.conflict("申请当前状态为「" + status.label() + "」，不能" + action + "。")
          .inEnglish("The application is no longer at the window (" + inWords(status) + ").");
    }
  }

  /** 不予受理 always says why. */
  public void refuseAcceptance(Instant now, String reason) {
    requireAwaitingWindow("不予受理");
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("不予受理必须填写理由（reason）。")
          .inEnglish("Give the reason for not accepting the application.");
    }
    moveTo(NOT_ACCEPTED, Set.of(PRE_REVIEWED), "不予受理");
    this.decidedAt = now;
  }

  /**
   * The window acts on the pre-review's proposal, so it waits for the pre-review; a draft or a
   * decided application is refused by {@link #moveTo} with its status named.
   */
  private void requireAwaitingWindow(String action) {
    if (status == SUBMITTED) {
      throw DomainException.conflict("自动预审尚未完成，请稍候再" + action + "。")
          .inEnglish("The automatic pre-review is not finished yet; please try again shortly.");
    }
  }

  /**
   * 告知承诺制 (§5): signs a commitment to supply commitable (容缺) materials by a date after
   * today, once, while the application waits for the window.
   */
  public Commitment commit(List<String> materialCodes, LocalDate dueDate, LocalDate today,
      boolean alreadyCommitted, Long signer, Instant now) {
    if (materialCodes == null || materialCodes.isEmpty()) {
      throw DomainException.invalid("请选择承诺后补的材料（materials 不能为空）。")
          .inEnglish("Choose the materials you promise to hand in later.");
    }
    if (dueDate == null || !dueDate.isAfter(today)) {
      throw DomainException.invalid("承诺补交日期（dueDate）必须晚于今天。")
          .inEnglish("The date by which you hand them in must be after today.");
    }
    if (!COMMITTABLE.contains(status)) {
      throw DomainException.conflict("申请当前状态为「" + status.label() + "」，不能签署承诺书。")
          .inEnglish("A commitment can no longer be signed for this application (" + inWords(status) + ").");
    }
    for (String code : materialCodes) {
      MaterialSpec spec = matter.material(code).orElseThrow(() ->
          DomainException.invalid("事项没有材料「" + code + "」。")
              .inEnglish("The matter has no material \"" + code + "\"."));
      if (!spec.commitable()) {
        throw DomainException.invalid("材料「" + spec.name() + "」不属于容缺材料，不能承诺后补。")
            .inEnglish("Material \"" + code + "\" cannot be promised for later: it is needed now.");
      }
    }
    if (alreadyCommitted) {
      throw DomainException.conflict("本申请已签署承诺书。")
          .inEnglish("A commitment has already been signed for this application.");
    }
    return new Commitment(id, materialCodes, dueDate, signer, now);
  }

  /**
   * 审查补正: a deciding department asks the applicant, during review, to replace the named
   * materials; the review clock pauses from today until the applicant hands them in.
   */
  public void requestReviewSupplement(String reason, List<String> materialCodes,
      LocalDate today, Instant now) {
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty()) {
      throw DomainException.invalid("请填写补正理由（reason）。")
          .inEnglish("Give the reason for the supplement.");
    }
    if (why.length() > MAX_SUPPLEMENT_REASON) {
      throw DomainException.invalid("补正理由（reason）不能超过 " + MAX_SUPPLEMENT_REASON + " 个字。")
          .inEnglish("The reason may be at most " + MAX_SUPPLEMENT_REASON + " characters long.");
    }
    if (materialCodes == null || materialCodes.isEmpty()) {
      throw DomainException.invalid("请选择需要补正的材料（materials 不能为空）。")
          .inEnglish("Choose the materials to be handed in again.");
    }
    List<String> codes = materialCodes.stream().map(c -> c == null ? "" : c.trim()).distinct().toList();
    for (String code : codes) {
      if (matter.material(code).isEmpty()) {
        throw DomainException.invalid("材料（materials）中的「" + code + "」不是事项「" + matter.name()
            + "」的材料。").inEnglish("\"" + code + "\" is not a material of this matter.");
      }
    }
    moveTo(REVIEW_SUPPLEMENT_REQUESTED, UNDER_EXAMINATION, "要求审查补正");
    this.reviewPausedOn = today;
    this.reviewSupplementReason = why;
    this.reviewSupplementMaterials = String.join(",", codes);
    this.reviewSupplementAt = now;
  }

  static final int MAX_SUPPLEMENT_REASON = 2000;

  /**
   * The applicant hands in the 审查补正: every named material must have been uploaded again
   * since the request. The review resumes and its due day moves by exactly the working days the
   * clock was paused. Returns those days.
   */
  public long resumeReview(LocalDate today, WorkingDayCalendar calendar, List<MaterialFile> files) {
    if (status == REVIEW_SUPPLEMENT_REQUESTED) {
      List<String> missing = reviewSupplementMaterials().stream().filter(code -> files.stream()
          .noneMatch(f -> f.materialCode().equals(code) && f.uploadedAt() != null
              && !f.uploadedAt().isBefore(reviewSupplementAt))).toList();
      if (!missing.isEmpty()) {
        throw DomainException.conflict("请先重新上传需补正的材料：" + matter.materialNames(missing) + "。")
            .inEnglish("First upload again the materials asked for: " + String.join(", ", missing)
                + ".");
      }
    }
    moveTo(UNDER_REVIEW, Set.of(REVIEW_SUPPLEMENT_REQUESTED), "提交补正材料");
    this.reviewSupplementReason = null;
    this.reviewSupplementMaterials = null;
    this.reviewSupplementAt = null;
    return resumeClock(today, calendar);
  }

  /** Ends a pause of the review clock: the due day moves by exactly the paused working days. */
  private long resumeClock(LocalDate today, WorkingDayCalendar calendar) {
    long paused = calendar.workingDaysBetween(reviewPausedOn, today);
    this.reviewDue = calendar.addWorkingDays(reviewDue, (int) paused);
    this.reviewPausedDays += (int) paused;
    this.reviewPausedOn = null;
    return paused;
  }

  /**
   * 上报: a 上报件 under examination goes to the higher authority that decides it; the time the
   * authority takes is not the center's, so the review clock pauses until the answer is back.
   */
  public void forward(LocalDate today) {
    if (matter.kind() != MatterKind.FORWARDED) {
      throw DomainException.conflict("事项「" + matter.name() + "」是" + matter.kind().label()
          + "，由本中心决定，无需上报。")
          .inEnglish("Matter \"" + matter.nameForEnglish() + "\" is decided by the center itself: it is not"
              + " forwarded.");
    }
    moveTo(FORWARDED, UNDER_EXAMINATION, "上报");
    this.reviewPausedOn = today;
  }

  /** The higher authority answered: the review clock resumes and the decision can be issued. */
  public long answerFromAbove(LocalDate today, WorkingDayCalendar calendar) {
    moveTo(UNDER_REVIEW, Set.of(FORWARDED), "录入上级机关批复");
    return resumeClock(today, calendar);
  }

  /** Working days the review clock has been paused so far, a pause still running included. */
  public long reviewPausedDays(LocalDate today, WorkingDayCalendar calendar) {
    return reviewPausedDays + runningPause(today, calendar);
  }

  /**
   * The review's due day as it stands today: during a pause it moves day by day with the paused
   * working days, so it is always the first due day moved by {@link #reviewPausedDays}.
   */
  public LocalDate reviewDueAsOf(LocalDate today, WorkingDayCalendar calendar) {
    if (reviewDue == null) {
      return null;
    }
    return calendar.addWorkingDays(reviewDue, (int) runningPause(today, calendar));
  }

  private long runningPause(LocalDate today, WorkingDayCalendar calendar) {
    return reviewPausedOn == null ? 0 : calendar.workingDaysBetween(reviewPausedOn, today);
  }

  /** The materials an open 审查补正 asks for (empty when none is open). */
  public List<String> reviewSupplementMaterials() {
    return reviewSupplementMaterials == null || reviewSupplementMaterials.isEmpty() ? List.of()
        : List.of(reviewSupplementMaterials.split(","));
  }

  /** Accepted and not yet decided, not paused: the review clock runs. */
  public boolean isReviewOverdue(LocalDate today) {
    return REVIEW_RUNNING.contains(status) && reviewDue != null && today.isAfter(reviewDue);
  }

  /**
   * 超时默许: the matter provides that silence past the review's time limit approves, and the
   * time limit has passed without a decision. Issued next, like any approval.
   */
  public void deemApproved(LocalDate today, Instant now) {
    if (!matter.deemedApprovalOnTimeout()) {
      throw DomainException.conflict("事项「" + matter.name() + "」未设定超时默许。")
          .inEnglish("Matter \"" + matter.nameForEnglish() + "\" does not provide for deemed approval on"
              + " timeout.");
    }
    if (!isReviewOverdue(today)) {
      throw DomainException.conflict("申请 " + number + " 的审查时限未过，不能视为准予许可。")
          .inEnglish("The review time limit of " + number + " has not passed: it cannot be"
              + " deemed approved.");
    }
    moveTo(APPROVED, REVIEW_RUNNING, "视为准予许可");
    this.decidedAt = now;
  }

  public void startReview() {
    moveTo(UNDER_REVIEW, Set.of(ACCEPTED, ACCEPTED_ON_COMMITMENT, DEEMED_ACCEPTED), "开始审查");
  }

  /** A chief representative may decide now (accepted, under review, or a joint approval open). */
  public void requireDecidable() {
    requireDecidable(false);
  }

  /**
   * As {@link #requireDecidable()}; a 上报件 is decided only on the higher authority's answer
   * ({@code answeredFromAbove}), never by the department on its own.
   */
  public void requireDecidable(boolean answeredFromAbove) {
    if (status == FORWARDED) {
      throw new DomainException("AWAITING_HIGHER_AUTHORITY", 409,
          "申请已上报，待上级机关批复：请在批复返回后录入批复（forwarding/return）。")
          .inEnglish("The application was forwarded: enter the higher authority's answer when it"
              + " is back.");
    }
    if (!DECIDABLE.contains(status)) {
      throw DomainException.conflict("申请当前状态为「" + status.label() + "」，不能作出决定。")
          .inEnglish("No decision can be made in the application's present state ("
              + inWords(status) + ").");
    }
    if (matter.kind() == MatterKind.FORWARDED && !answeredFromAbove) {
      throw new DomainException("FORWARDING_REQUIRED", 409, "「" + matter.name()
          + "」是上报件，由上级机关决定：请先上报（forwarding），批复返回后录入批复作出决定。")
          .inEnglish("\"" + matter.nameForEnglish() + "\" is decided by a higher authority: forward it"
              + " first, and decide once its answer is back and entered.");
    }
  }

  /**
   * 并联审批: a department approved while others have not decided yet; the application is under
   * review until the last department decides.
   */
  public void awaitOtherDepartments() {
    if (status != UNDER_REVIEW) {
      startReview();
    }
  }

  /** Every department approved (联办件: all of them): the approval is issued next. */
  public void approve(Instant now) {
    moveTo(APPROVED, DECIDABLE, "准予许可");
    this.decidedAt = now;
  }

  public void deny(Instant now) {
    moveTo(DENIED, DECIDABLE, "不予许可");
    this.decidedAt = now;
  }

  /** Every required seal is on the decision: it is issued (办结). */
  public void issue() {
    moveTo(ISSUED, Set.of(APPROVED, DENIED), "办结");
  }

  /**
   * 撤销 (§5): an issued approval whose commitment was breached is revoked by a signed
   * revocation decision; a denial has nothing to revoke.
   */
  public void revoke(boolean approved) {
    if (!approved) {
      throw DomainException.conflict("申请 " + number + " 未准予许可，没有可撤销的决定。")
          .inEnglish("Application " + number + " was not approved: there is no decision to"
              + " revoke.");
    }
    moveTo(REVOKED, Set.of(ISSUED), "撤销");
  }

  /** The applicant withdraws before a decision (§3). */
  public void withdraw() {
    moveTo(WITHDRAWN, WITHDRAWABLE, "撤回");
  }

  /** The material may be uploaded now; the matter must list it. */
  public MaterialSpec requireUploadable(String materialCode) {
    return requireUploadable(materialCode, null);
  }

  /**
   * The material may be uploaded now: while the application is the applicant's to edit, or, after
   * acceptance on a commitment (告知承诺制), a material the open commitment promised.
   */
  public MaterialSpec requireUploadable(String materialCode, Commitment commitment) {
    if (isSupplyingPromised(materialCode, commitment)) {
      return matter.material(materialCode).orElseThrow();
    }
    if (status == REVIEW_SUPPLEMENT_REQUESTED) {
      if (reviewSupplementMaterials().contains(materialCode)) {
        return matter.material(materialCode).orElseThrow();
      }
      throw DomainException.conflict("审查补正只需重新上传" + matter.materialNames(
          reviewSupplementMaterials()) + "，不能修改材料「" + materialCode + "」。")
          .inEnglish("Only the materials asked for may be uploaded again ("
              + String.join(", ", reviewSupplementMaterials()) + "), not \"" + materialCode
              + "\".");
    }
    if (!isEditableByApplicant()) {
      throw DomainException.conflict("申请当前状态为「" + status.label() + "」，不能修改材料。")
          .inEnglish("The materials can no longer be changed (" + inWords(status) + ").");
    }
    return matter.material(materialCode).orElseThrow(() -> new DomainException(
        "NOT_FOUND", 404, "事项「" + matter.name() + "」没有材料「" + materialCode + "」。")
        .inEnglish("The matter has no material \"" + materialCode + "\"."));
  }

  private void moveTo(ApplicationStatus target, Set<ApplicationStatus> allowedFrom, String action) {
    if (!allowedFrom.contains(status)) {
      throw DomainException.conflict(
          "申请 " + number + " 当前状态为「" + status.label() + "」，不能" + action + "。")
          .inEnglish("Application " + number + " is " + inWords(status) + ": this cannot be done now.");
    }
    this.status = target;
  }

  /** A status in English words for a refusal ("under review"); the pages' labels are richer. */
  private static String inWords(ApplicationStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  public boolean isEditableByApplicant() {
    return EDITABLE.contains(status);
  }

  /** After acceptance, the open commitment's materials may still be handed in. */
  public boolean isSupplyingPromised(String materialCode, Commitment commitment) {
    return commitment != null && commitment.isOpen() && AWAITING_PROMISED.contains(status)
        && (materialCode == null || commitment.promises(materialCode));
  }

  public boolean isWithdrawable() {
    return WITHDRAWABLE.contains(status);
  }

  /** The pre-review proposes a commitment and none is signed yet: the applicant may sign one. */
  public boolean isOpenToCommitment(boolean committed) {
    return !committed && status == PRE_REVIEWED
        && preReviewVerdict == Verdict.COMPLETE_WITH_COMMITMENT;
  }

  public Long id() { return id; }
  public String number() { return number; }
  public Matter matter() { return matter; }
  public int matterVersion() { return matterVersion; }
  public Integer rulesVersion() { return rulesVersion; }
  public Enterprise enterprise() { return enterprise; }
  public UserAccount applicant() { return applicant; }
  public ApplicationStatus status() { return status; }
  public Instant createdAt() { return createdAt; }
  public Instant submittedAt() { return submittedAt; }
  public LocalDate preReviewDue() { return preReviewDue; }
  public Verdict preReviewVerdict() { return preReviewVerdict; }
  public Instant preReviewedAt() { return preReviewedAt; }
  public String supplementReason() { return supplementReason; }
  public Instant acceptedAt() { return acceptedAt; }
  public LocalDate reviewDue() { return reviewDue; }
  public Instant decidedAt() { return decidedAt; }
  public String trackingCode() { return trackingCode; }
  public LocalDate reviewPausedOn() { return reviewPausedOn; }
  public String reviewSupplementReason() { return reviewSupplementReason; }
  public Instant reviewSupplementAt() { return reviewSupplementAt; }
}
