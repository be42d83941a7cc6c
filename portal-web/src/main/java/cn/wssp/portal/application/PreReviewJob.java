package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.infrastructure.PortalResources;
import cn.wssp.prereview.Finding;
import cn.wssp.prereview.MaterialRequirement;
import cn.wssp.prereview.PreReviewResult;
import cn.wssp.prereview.SubmittedFile;
import cn.wssp.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The automatic completeness pre-review of a submitted application (§4), run in the
 * background: its verdict is a proposal the window clerk confirms or overrides.
 */
@ApplicationScoped
public class PreReviewJob {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  PortalResources resources;

  @Inject
  ApplicationService applications;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  Clock clock;

  @Transactional
  public void run(Long applicationId) {
    Application app = em.find(Application.class, applicationId);
    if (app == null || app.status() != ApplicationStatus.SUBMITTED) {
      return; // withdrawn or already handled by the clerk: nothing to propose any more
    }
    List<MaterialRequirement> requirements = app.matter().materials().stream()
        .map(m -> new MaterialRequirement(m.code(), m.name(), m.required(), m.commitable(),
            m.acceptedTypes(), m.maxBytes(), m.maxPages()))
        .toList();
    List<SubmittedFile> files = applications.materialFiles(app.id()).stream()
        .map(f -> new SubmittedFile(f.materialCode(), f.fileName(), f.size(), () -> open(f)))
        .toList();
    PreReviewResult result = resources.preReviewer().review(requirements, files);
    em.createQuery("delete from FindingRecord f where f.applicationId = :id")
        .setParameter("id", app.id()).executeUpdate();
    int position = 0;
    for (Finding f : result.findings()) {
      em.persist(new FindingRecord(app.id(), f.materialCode(), f.code().name(),
          f.severity().name(), f.message(), position++));
    }
    app.recordPreReview(result.verdict().name(), Instant.now(clock));
    audit.record(Actor.system(), app.id(), "PRE_REVIEW", ApplicationStatus.SUBMITTED,
        app.status(), result.verdict() + "，发现 " + result.findings().size() + " 项");
    notifications.tellApplicant(app, "材料预审已完成", verdictText(result) + "，请等待窗口人员确认。");
  }

  private static String verdictText(PreReviewResult r) {
    return switch (r.verdict()) {
      case COMPLETE -> "预审结论：材料齐全";
      case COMPLETE_WITH_COMMITMENT -> "预审结论：仅容缺材料未齐，可签署承诺书容缺受理";
      case INCOMPLETE -> "预审结论：材料不齐全或不符合要求（共 " + r.findings().size() + " 项问题）";
    };
  }

  private java.io.InputStream open(MaterialFile f) throws IOException {
    try {
      return resources.objectStore().get(f.objectKey());
    } catch (StorageException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
