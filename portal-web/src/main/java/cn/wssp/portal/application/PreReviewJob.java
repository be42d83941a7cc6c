package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.prereview.Applicant;
import cn.wssp.prereview.Evidence;
import cn.wssp.prereview.Finding;
import cn.wssp.prereview.MaterialRule;
import cn.wssp.prereview.RuleSet;
import cn.wssp.prereview.PreReviewResult;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.prereview.SubmittedFile;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The automatic completeness pre-review of a submitted application (§4), run in the
 * background: its verdict is a proposal the window clerk confirms or overrides.
 */
@ApplicationScoped
public class PreReviewJob implements JobHandler {
  @Inject
  ApplicationRepository applications;

  @Inject
  PreReviewer preReviewer;

  @Inject
  ObjectStore objects;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Inject
  MatterRules rules;

  @Override
  public JobKind kind() {
    return JobKind.PRE_REVIEW;
  }

  @Inject
  InTransaction tx;

  @Inject
  PreReviewPace pace;

  /**
   * Three steps, so that no database transaction waits while files are parsed: what to judge is
   * read in a short transaction; the files are judged outside any (seconds, in a worker JVM); the
   * verdict is written, with the job's completion, only if the application is still the
   * submission that was judged.
   */
  @Override
  public void run(Long applicationId, JobLease lease) {
    Instant startedAt = Instant.now(clock);
    long started = System.nanoTime();
    Submission submission = tx.call(() -> applications.find(applicationId)
        .filter(app -> app.status() == ApplicationStatus.SUBMITTED)
        .map(this::submissionOf).orElse(null));
    if (submission == null) {
      return; // withdrawn or already handled by the clerk: nothing to propose any more
    }
    long read = System.nanoTime();
    PreReviewResult result = submission.judge(preReviewer);
    long judged = System.nanoTime();
    tx.run(() -> record(applicationId, submission.submittedAt(), result, lease));
    long recorded = System.nanoTime();
    pace.took(Duration.ofNanos(recorded - started));
    Duration waited = Duration.between(submission.submittedAt(), startedAt);
    if (waited.plusNanos(recorded - started).compareTo(SLOW) > 0) {
      LOG.info(String.format("预审 #%d 提交后 %.1f s 得出结论，超过 %d s：排队 %.1f s，查库 %.2f s，"
              + "取文件并判定 %.2f s（%d 个文件），记录 %.2f s", applicationId,
          seconds(waited.toNanos() + recorded - started), SLOW.toSeconds(), seconds(waited.toNanos()),
          seconds(read - started), seconds(judged - read), submission.files().size(),
          seconds(recorded - judged)));
    }
  }

  /**
   * A verdict later than this after the submission is logged with where its time went (waiting
   * for a job thread, reading the database, fetching and judging the files, recording): the
   * portal's aim is a verdict within seconds.
   */
  static final Duration SLOW = Duration.ofSeconds(5);

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(PreReviewJob.class.getName());

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private void record(Long applicationId, Instant submittedAt, PreReviewResult result,
      JobLease lease) {
    Application app = applications.find(applicationId).orElse(null);
    if (app == null || app.status() != ApplicationStatus.SUBMITTED
        || !java.util.Objects.equals(app.submittedAt(), submittedAt)) {
      lease.complete(); // the clerk acted, or it was withdrawn, while the files were read
      return;
    }
    List<FindingRecord> findings = records(app, result, 0);
    applications.replaceFindings(app.id(), findings);
    Verdict verdict = Verdict.valueOf(result.verdict().name());
    app.recordPreReview(verdict, Instant.now(clock));
    audit.record(Actor.system(), app.id(), AuditAction.PRE_REVIEW, ApplicationStatus.SUBMITTED,
        app.status(), verdict + "，发现 " + findings.size() + " 项");
    notifications.tellApplicant(app, "材料预审已完成", verdictText(verdict, findings.size())
        + "，请等待窗口人员确认。");
    lease.complete();
  }

  /**
   * What a pre-review of an application judges: its files under the rule set version it was
   * submitted under, for its enterprise (name and credit code), on today's date of the portal's
   * clock. Plain values: judging it needs no database.
   */
  record Submission(Instant submittedAt, RuleSet ruleSet, Applicant applicant, LocalDate today,
      List<SubmittedFile> files) {
    PreReviewResult judge(PreReviewer preReviewer) {
      return preReviewer.review(ruleSet, applicant, today, files);
    }
  }

  /** Judges a submission outside any transaction (a method: callers hold a CDI proxy). */
  PreReviewResult judge(Submission submission) {
    return submission.judge(preReviewer);
  }

  Submission submissionOf(Application app) {
    RuleSet ruleSet = rules.ruleSetOf(app);
    Set<String> codes = ruleSet.materials().stream().map(MaterialRule::code)
        .collect(Collectors.toSet());
    // Files of materials the version does not list (a list changed since) are not judged.
    List<SubmittedFile> files = applications.materialFiles(app.id()).stream()
        .filter(f -> codes.contains(f.materialCode()))
        .map(f -> {
          String key = f.objectKey();
          // With its SHA-256: a file unchanged since an earlier submission is not examined again.
          return new SubmittedFile(f.materialCode(), f.fileName(), f.size(), () -> open(key),
              f.sha256());
        })
        .toList();
    Applicant applicant = new Applicant(app.enterprise().name(), app.enterprise().creditCode());
    return new Submission(app.submittedAt(), ruleSet, applicant, LocalDate.now(clock), files);
  }

  /** The findings as stored, numbered from {@code first}. */
  static List<FindingRecord> records(Application app, PreReviewResult result, int first) {
    List<FindingRecord> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      Evidence e = f.evidence();
      findings.add(new FindingRecord(app.id(), f.materialCode(), f.code().name(),
          Severity.valueOf(f.severity().name()), f.message(), first + findings.size(),
          e == null ? null : e.page(), e == null ? null : e.snippet(),
          e == null ? null : e.ocrConfidence()));
    }
    return findings;
  }

  private static String verdictText(Verdict verdict, int findings) {
    return "预审结论：" + verdict.label()
        + (verdict == Verdict.INCOMPLETE ? "（共 " + findings + " 项问题）" : "");
  }

  private InputStream open(String objectKey) throws IOException {
    try {
      return objects.get(objectKey);
    } catch (StorageException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
