package cn.wssp.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import cn.wssp.portal.domain.model.CommitmentStatus;
import cn.wssp.portal.domain.model.Light;
import cn.wssp.portal.domain.model.Severity;
import cn.wssp.portal.domain.model.Verdict;
import java.util.List;
import java.util.Set;

/** An application as users and the API see it; plain values, no entities. */
public record ApplicationView(
    Long id,
    String number,
    String matterCode,
    String matterName,
    String enterpriseName,
    String status,
    String statusLabel,
    Instant createdAt,
    Instant submittedAt,
    PreReview preReview,
    List<UploadedMaterial> materials,
    List<Material> checklist,
    Deadlines deadlines,
    CommitmentView commitment,
    List<DocumentView> documents,
    Set<ApplicationAction> actions,
    String trackingCode,
    EvaluationView evaluation,
    List<DepartmentDecisionView> departmentDecisions,
    List<OpinionView> opinions,
    String supplementReason,
    ReviewSupplementView reviewSupplement,
    String commitmentRefusal,
    ForwardingView forwarding) {

  /** The actor may do this now (pages: #{v.can('WITHDRAW')}). */
  public boolean can(String action) {
    return actions.contains(ApplicationAction.valueOf(action));
  }

  /**
   * 上报件: to whom it went and when, the answer's reference once back; {@code opinion} (初审意见)
   * is internal advice, shown only to those who may read review opinions.
   */
  public record ForwardingView(String department, String authority, String opinion,
      String forwardedBy, Instant forwardedAt, String replyReference, String replyOutcome,
      Instant answeredAt) {}

  /** {@code rulesVersion}: the rule set version judged under (null before rule sets existed). */
  public record PreReview(Verdict verdict, Instant reviewedAt, Integer rulesVersion,
      List<FindingView> findings) {
    public long blockingCount() {
      return findings.stream().filter(FindingView::blocking).count();
    }
  }

  /**
   * A finding; {@code id} names it for 不采纳, {@code overruled} says who set it aside and why
   * (staff only; the applicant does not see findings the window set aside).
   */
  public record FindingView(Long id, String materialCode, String code, Severity severity,
      String message, EvidenceView evidence, OverruleView overruled) {
    /** Must be fixed: BLOCKING and not set aside by the window. */
    public boolean blocking() {
      return severity == Severity.BLOCKING && overruled == null;
    }
  }

  /** 不采纳 of a finding by the window clerk: reason, who (username and name), when. */
  public record OverruleView(String reason, String by, Instant at) {}

  /** Where a finding was seen: page, snippet (≤ 80 characters), OCR confidence; each may be null. */
  public record EvidenceView(Integer page, String snippet, Double ocrConfidence) {}

  /** An uploaded material, as API.md lists them under "materials". */
  public record UploadedMaterial(String materialCode, String fileName, String mediaType, long size,
      String sha256, Instant uploadedAt) {}

  /** A material of the matter's list with the current upload, if any (the "checklist"). */
  public record Material(
      String materialCode,
      String name,
      boolean required,
      boolean commitable,
      List<String> acceptedTypes,
      String fileName,
      String mediaType,
      Long size,
      String sha256,
      Instant uploadedAt,
      long maxBytes,
      int maxPages) {
    public boolean uploaded() {
      return fileName != null;
    }
  }

  /**
   * Legal deadlines and the supervision light (GREEN, YELLOW, RED). {@code reviewDue} is always
   * the first review due day moved by {@code reviewPausedDays}, the working days the review clock
   * has been paused by 审查补正 (a pause still running included).
   */
  public record Deadlines(LocalDate preReviewDue, LocalDate reviewDue, long reviewPausedDays,
      Light light) {}

  /** The open 审查补正: why, which materials (codes and names), asked when, paused since. */
  public record ReviewSupplementView(String reason, List<String> materials, String materialNames,
      Instant requestedAt, LocalDate pausedOn) {}

  /** API.md: {materials[], dueDate, status: OPEN|FULFILLED|BREACHED|REVOKED}. */
  public record CommitmentView(List<String> materials, LocalDate dueDate, Instant signedAt,
      CommitmentStatus status, String statusLabel) {}

  /** 好差评 as given: score 1..5, optional comment, when. */
  public record EvaluationView(int score, String comment, Instant at) {}

  /**
   * 并联审批: one department's part, in the matter's order; outcome, decidedAt and chief are null
   * while it has not decided.
   */
  public record DepartmentDecisionView(String department, String departmentCode, String outcome,
      String outcomeLabel, String text, Instant decidedAt, String chief, String chiefName) {
    public boolean decided() {
      return outcome != null;
    }
  }

  /** 审查意见 of a department's reviewer. */
  public record OpinionView(String department, String reviewer, String reviewerName,
      String outcome, String outcomeLabel, String reason, Instant at) {}

  /** {@code validUntil}: last day of validity of a licence (电子证照), null for other documents. */
  public record DocumentView(Long id, String kind, String title, String number, Instant createdAt,
      int signatures, boolean revoked, java.time.LocalDate validUntil) {}
}
