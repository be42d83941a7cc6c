package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.prereview.Finding;
import cn.wssp.prereview.MaterialRequirement;
import cn.wssp.prereview.PreReviewResult;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.prereview.SubmittedFile;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

  @Override
  public JobKind kind() {
    return JobKind.PRE_REVIEW;
  }

  @Override
  @Transactional
  public void run(Long applicationId) {
    Application app = applications.find(applicationId).orElse(null);
    if (app == null || app.status() != ApplicationStatus.SUBMITTED) {
      return; // withdrawn or already handled by the clerk: nothing to propose any more
    }
    PreReviewResult result = review(app, m -> true);
    List<FindingRecord> findings = records(app, result, 0);
    applications.replaceFindings(app.id(), findings);
    Verdict verdict = Verdict.valueOf(result.verdict().name());
    app.recordPreReview(verdict, Instant.now(clock));
    audit.record(Actor.system(), app.id(), AuditAction.PRE_REVIEW, ApplicationStatus.SUBMITTED,
        app.status(), verdict + "，发现 " + findings.size() + " 项");
    notifications.tellApplicant(app, "材料预审已完成", verdictText(verdict, findings.size())
        + "，请等待窗口人员确认。");
  }

  /** The pre-review of those of the application's materials that {@code which} selects. */
  PreReviewResult review(Application app, java.util.function.Predicate<MaterialSpec> which) {
    List<MaterialRequirement> requirements = app.matter().materials().stream().filter(which)
        .map(m -> new MaterialRequirement(m.code(), m.name(), m.required(), m.commitable(),
            m.acceptedTypes(), m.maxBytes(), m.maxPages()))
        .toList();
    java.util.Set<String> codes = requirements.stream().map(MaterialRequirement::code)
        .collect(java.util.stream.Collectors.toSet());
    List<SubmittedFile> files = applications.materialFiles(app.id()).stream()
        .filter(f -> codes.contains(f.materialCode()))
        .map(f -> new SubmittedFile(f.materialCode(), f.fileName(), f.size(), () -> open(f)))
        .toList();
    return preReviewer.review(requirements, files);
  }

  /** The findings as stored, numbered from {@code first}. */
  static List<FindingRecord> records(Application app, PreReviewResult result, int first) {
    List<FindingRecord> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      findings.add(new FindingRecord(app.id(), f.materialCode(), f.code().name(),
          Severity.valueOf(f.severity().name()), f.message(), first + findings.size()));
    }
    return findings;
  }

  private static String verdictText(Verdict verdict, int findings) {
    return "预审结论：" + verdict.label()
        + (verdict == Verdict.INCOMPLETE ? "（共 " + findings + " 项问题）" : "");
  }

  private InputStream open(MaterialFile f) throws IOException {
    try {
      return objects.get(f.objectKey());
    } catch (StorageException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
