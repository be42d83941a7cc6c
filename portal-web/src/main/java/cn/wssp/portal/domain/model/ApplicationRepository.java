package cn.wssp.portal.domain.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applications with what belongs to them: their uploaded material files, the latest
 * pre-review's findings and the commitment (承诺书). Methods join the caller's transaction.
 */
public interface ApplicationRepository {
  Optional<Application> find(Long id);

  /** Stores a new application and gives it its id. */
  Application add(Application application);

  /**
   * Newest first, at most {@code max}, within the scope; only these statuses when the set is
   * not empty.
   */
  default List<Application> list(Set<ApplicationStatus> statuses, ApplicationScope scope,
      int max) {
    return list(statuses, scope, 0, max);
  }

  /** One page of {@link #list(Set, ApplicationScope, int)}, from the {@code first} row. */
  List<Application> list(Set<ApplicationStatus> statuses, ApplicationScope scope, int first,
      int max);

  /**
   * One page of the applications passing the filter, paged in the query (not in memory), by
   * submission time (newest first unless the filter says otherwise; never submitted last), then
   * by id.
   */
  List<Application> page(ApplicationFilter filter, int first, int max);

  /** How many applications pass the filter (the pager's total). */
  long count(ApplicationFilter filter);

  /** Applications still waiting for the window whose pre-review due date is before this day. */
  List<Long> overduePreReviews(LocalDate today);

  /**
   * The application, its row locked until the transaction ends: of two instances sweeping at
   * once, the second waits and then sees what the first did (超时默许 happens once).
   */
  Optional<Application> findForUpdate(Long id);

  /**
   * 超时默许 candidates: applications whose review clock runs (not paused, no decision) and whose
   * review due date is before this day, of matters that deem silence an approval.
   */
  List<Long> overdueReviewsDeemedApproved(LocalDate today);

  /** Applications created before tracking codes existed (at most {@code max}). */
  List<Application> withoutTrackingCode(int max);

  /** Applications whose open commitment falls due on or before this day. */
  List<Long> openCommitmentsDueBy(LocalDate day);

  /** Applications whose commitment is still open after its due date. */
  List<Long> overdueCommitments(LocalDate today);

  List<MaterialFile> materialFiles(Long applicationId);

  Optional<MaterialFile> materialFile(Long applicationId, String materialCode);

  void addMaterialFile(MaterialFile file);

  /** Bytes of the materials currently stored for the enterprise's applications (its quota use). */
  long storedMaterialBytes(Long enterpriseId);

  /** The latest pre-review's findings, in the order the pre-review listed them. */
  List<FindingRecord> findings(Long applicationId);

  /** Replaces the findings of the previous pre-review (none after a resubmission). */
  void replaceFindings(Long applicationId, List<FindingRecord> findings);

  Optional<Commitment> commitment(Long applicationId);

  void addCommitment(Commitment commitment);

  /** By its number (申请号), as printed on the receipt and notices. */
  Optional<Application> byNumber(String number);

  /**
   * Every application staff may see (submitted at least once), oldest first: the base of the
   * supervision summary and export.
   */
  List<Application> allSubmitted();

  /** Every signed commitment. */
  List<Commitment> commitments();

  Optional<Evaluation> evaluation(Long applicationId);

  /** Stores an evaluation; it is never changed afterwards. */
  void addEvaluation(Evaluation evaluation);

  /** Every evaluation (好差评), for the supervision summary. */
  List<Evaluation> evaluations();

  /** How many applications in the scope are in these statuses (any status when empty). */
  long count(Set<ApplicationStatus> statuses, ApplicationScope scope);
}
