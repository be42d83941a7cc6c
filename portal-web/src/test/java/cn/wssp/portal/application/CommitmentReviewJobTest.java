package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.InMemoryObjectStoreSha;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.signing.OfficialDocument;
import cn.wssp.signing.OfficialDocumentRenderer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promised material handed in after issuance, judged by the real pre-reviewer (Tika): a
 * real PDF fulfils the commitment, a text file named .pdf does not.
 */
class CommitmentReviewJobTest {
  static PreReviewer preReviewer;
  static byte[] pdf;

  final TestPortal portal = new TestPortal();
  final PreReviewJob preReview;
  final CommitmentReviewJob job = new CommitmentReviewJob();

  @BeforeAll
  static void realParts() throws Exception {
    preReviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false));
    pdf = new OfficialDocumentRenderer().render(new OfficialDocument("经营场所平面布局图", "T-2",
        "演示科技有限公司", "91350100M0001XU43", List.of("一层：操作间、仓库。"), "演示科技有限公司",
        LocalDate.of(2026, 11, 23), "ABCDEFGHJKLM", "http://localhost/verify", 1));
  }

  @AfterAll
  static void close() {
    preReviewer.close();
  }

  CommitmentReviewJobTest() {
    preReview = portal.preReviewJob(preReviewer);
    job.applications = portal.applicationRepo;
    job.preReview = preReview;
    job.audit = portal.audit;
    job.notifications = portal.notifications;
    job.clock = portal.clock;
    job.tx = new InTransaction();
  }

  Application issuedOnCommitment() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    portal.applications.signCommitment(actor(portal.applicant), app.id(),
        List.of("premises-layout"), LocalDate.of(2026, 12, 31));
    portal.acceptance.decide(actor(portal.clerk), app.id(), AcceptanceAction.ACCEPT, null);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    return app;
  }

  void handIn(Application app, byte[] bytes) {
    String key = "late/" + app.id() + "/" + bytes.length;
    portal.objects.objects.put(key, bytes);
    portal.applications.recordMaterial(actor(portal.applicant), app.id(), "premises-layout",
        "平面布局图.pdf", "application/pdf", bytes.length, InMemoryObjectStoreSha.of(bytes), key);
  }

  @Test
  void aPassingPromisedMaterialFulfilsTheCommitment() {
    Application app = issuedOnCommitment();
    handIn(app, pdf);
    job.run(app.id());
    Commitment c = portal.applications.commitmentOf(app.id()).orElseThrow();
    assertEquals(CommitmentStatus.FULFILLED, c.status(),
        portal.applications.findingsOf(app.id()).stream().map(FindingRecord::message).toList().toString());
    assertTrue(portal.auditActions(app).contains(AuditAction.COMMITMENT_FULFILLED));
    assertEquals(ApplicationStatus.ISSUED, app.status(), "the decision stands as it was");
  }

  @Test
  void aFailingOneLeavesItOpenAndSaysWhy() {
    Application app = issuedOnCommitment();
    handIn(app, "不是平面图".getBytes(StandardCharsets.UTF_8));
    job.run(app.id());
    assertEquals(CommitmentStatus.OPEN, portal.applications.commitmentOf(app.id()).orElseThrow().status());
    assertTrue(portal.applications.findingsOf(app.id()).stream()
        .anyMatch(f -> "premises-layout".equals(f.materialCode()) && f.blocking()));
    assertTrue(portal.messageRepo.messages.stream().anyMatch(m -> m.subject().startsWith("承诺材料尚需补正")));
  }
}
