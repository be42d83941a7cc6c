package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.prereview.PreReviewResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Promised materials handed in after acceptance (告知承诺制, §5) are pre-reviewed like any other;
 * the commitment is fulfilled only when every promised material is there and passes.
 */
@ApplicationScoped
public class CommitmentReviewJob implements JobHandler {
  @Inject
  ApplicationRepository applications;

  @Inject
  PreReviewJob preReview;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Override
  public JobKind kind() {
    return JobKind.COMMITMENT_REVIEW;
  }

  @Inject
  InTransaction tx;

  /** As {@link PreReviewJob}: read, judge outside any transaction, then write if still due. */
  @Override
  public void run(Long applicationId, JobLease lease) {
    PreReviewJob.Submission submission = tx.call(() -> applications.find(applicationId)
        .filter(app -> app.isSupplyingPromised(null, applications.commitment(app.id()).orElse(null)))
        .map(preReview::submissionOf).orElse(null));
    if (submission == null) {
      return; // fulfilled, breached or revoked meanwhile
    }
    // Promised materials are required now: a missing one is a blocking finding, not 容缺. The
    // whole application is judged (checks across materials need the others' files) under the
    // version it was submitted under; only the promised materials' findings are new.
    PreReviewResult result = preReview.judge(submission);
    tx.run(() -> record(applicationId, result, lease));
  }

  private void record(Long applicationId, PreReviewResult result, JobLease lease) {
    Application app = applications.find(applicationId).orElse(null);
    Commitment commitment = app == null ? null : applications.commitment(app.id()).orElse(null);
    if (app == null || !app.isSupplyingPromised(null, commitment)) {
      lease.complete(); // settled while the files were read
      return;
    }
    PreReviewResult promised = new PreReviewResult(result.verdict(), result.findings().stream()
        .filter(f -> f.materialCode() != null && commitment.promises(f.materialCode())).toList(),
        result.facts(), result.ruleSetVersion());
    List<FindingRecord> kept = new ArrayList<>(applications.findings(app.id()).stream()
        .filter(f -> f.materialCode() == null || !commitment.promises(f.materialCode())).toList());
    List<FindingRecord> fresh = PreReviewJob.records(app, promised, kept.size());
    boolean passes = fresh.stream().noneMatch(FindingRecord::blocking)
        && commitment.materials().stream()
            .allMatch(code -> applications.materialFile(app.id(), code).isPresent());
    kept.addAll(fresh);
    applications.replaceFindings(app.id(), kept);
    if (passes) {
      commitment.fulfil(Instant.now(clock));
      audit.record(Actor.system(), app.id(), AuditAction.COMMITMENT_FULFILLED, app.status(),
          app.status(), "承诺材料已补齐：" + String.join(",", commitment.materials()));
      notifications.tellApplicant(app, "承诺已履行", "承诺补交的材料均已通过预审，承诺书已履行。");
    } else {
      notifications.tellApplicant(app, "承诺材料尚需补正", "补交的材料未通过预审（共 "
          + fresh.stream().filter(FindingRecord::blocking).count() + " 项问题），请在 "
          + commitment.dueDate() + " 前补正。");
    }
    lease.complete();
  }
}
