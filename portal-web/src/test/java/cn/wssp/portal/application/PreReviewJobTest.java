package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.InMemoryObjectStoreSha;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.signing.OfficialDocument;
import cn.wssp.signing.OfficialDocumentRenderer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pre-review job on the real pre-reviewer (Tika) and real PDFs, repositories in memory. */
class PreReviewJobTest {
  static PreReviewer preReviewer;
  static byte[] pdf;

  final TestPortal portal = new TestPortal();
  final PreReviewJob job;

  @BeforeAll
  static void realParts() throws Exception {
    preReviewer = new PreReviewer();
    pdf = new OfficialDocumentRenderer().render(new OfficialDocument("食品经营许可申请书", "T-1",
        "演示科技有限公司", "91350100M0001XU43", List.of("申请从事食品销售。"), "演示科技有限公司",
        LocalDate.of(2026, 11, 23), "ABCDEFGH", "http://localhost/verify", 1));
  }

  @AfterAll
  static void close() {
    preReviewer.close();
  }

  PreReviewJobTest() {
    job = portal.preReviewJob(preReviewer);
  }

  void upload(Application app, String material, byte[] bytes) {
    String key = "m/" + app.id() + "/" + material;
    portal.objects.objects.put(key, bytes);
    portal.applications.recordMaterial(actor(portal.applicant), app.id(), material,
        material + ".pdf", "application/pdf", bytes.length, InMemoryObjectStoreSha.of(bytes), key);
  }

  @Test
  void aMissingCommitableMaterialProposesACommitment() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    upload(app, "application-form", pdf);
    portal.applications.submit(actor(portal.applicant), app.id());
    job.run(app.id());
    assertEquals(ApplicationStatus.PRE_REVIEWED, app.status());
    assertEquals(Verdict.COMPLETE_WITH_COMMITMENT, app.preReviewVerdict());
    List<FindingRecord> findings = portal.applications.findingsOf(app.id());
    assertTrue(findings.stream().anyMatch(f -> "premises-layout".equals(f.materialCode())
        && f.code().equals("MISSING_MATERIAL") && f.blocking()), findings.toString());
    assertTrue(portal.auditActions(app).contains(AuditAction.PRE_REVIEW));
    assertTrue(portal.messageRepo.messages.stream().anyMatch(m -> m.body().contains("容缺")));
  }

  @Test
  void theJobCompletesWithItsVerdictOnceAndNotForAnApplicationThatMovedOn() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    upload(app, "application-form", pdf);
    portal.applications.submit(actor(portal.applicant), app.id());
    int[] completions = {0};
    job.run(app.id(), () -> {
      assertNotNull(app.preReviewVerdict(), "completed in the step that records the verdict");
      completions[0]++;
    });
    assertEquals(1, completions[0]);
    // Run again (a second instance after a lease ran out): nothing to propose, nothing completed.
    job.run(app.id(), () -> completions[0]++);
    assertEquals(1, completions[0]);
    assertEquals(1, portal.auditActions(app).stream().filter(AuditAction.PRE_REVIEW::equals).count());
  }

  @Test
  void everythingInPlaceIsComplete() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    upload(app, "application-form", pdf);
    upload(app, "premises-layout", pdf);
    portal.applications.submit(actor(portal.applicant), app.id());
    job.run(app.id());
    assertEquals(Verdict.COMPLETE, app.preReviewVerdict(),
        portal.applications.findingsOf(app.id()).stream().map(FindingRecord::message).toList().toString());
  }

  @Test
  void contentDecidesNotTheName() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    upload(app, "application-form", "这不是 PDF，只是文字。".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    upload(app, "premises-layout", pdf);
    portal.applications.submit(actor(portal.applicant), app.id());
    job.run(app.id());
    assertEquals(Verdict.INCOMPLETE, app.preReviewVerdict());
    assertTrue(portal.applications.findingsOf(app.id()).stream()
        .anyMatch(f -> "application-form".equals(f.materialCode()) && f.blocking()));
  }

  @Test
  void aWithdrawnApplicationIsLeftAlone() {
    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    portal.applications.submit(actor(portal.applicant), app.id());
    portal.applications.withdraw(actor(portal.applicant), app.id());
    job.run(app.id());
    assertEquals(ApplicationStatus.WITHDRAWN, app.status());
    assertNull(app.preReviewVerdict());
  }
}
