package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.testing.RecordingSeals;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 电子证照: an approval of a matter that grants a licence issues it, sealed as the approval. */
class LicenceGrantsTest {
  final TestPortal portal = new TestPortal();

  private List<Document> licencesOf(Application app) {
    return portal.documentRepo.ofApplication(app.id()).stream()
        .filter(d -> d.kind() == DocumentKind.LICENCE).toList();
  }

  private String text(Document doc) throws Exception {
    byte[] pdf = portal.issuer.read(doc);
    try (PdfDocument d = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      return PdfTextExtractor.getTextFromPage(d.getPage(1)).replaceAll("\\s+", "");
    }
  }

  @Test
  void anApprovalOfALicenceMatterIssuesTheLicenceSealedByTheSameDepartment() throws Exception {
    portal.promised.grantLicence("食品经营许可证", 5);
    Application app = portal.accepted(portal.promised);
    int sealsBefore = portal.seals.applied.size();
    Document decision = portal.decisions.decide(actor(portal.chiefB), app.id(),
        DecisionOutcome.APPROVE, "准予从事预包装食品销售。", PIN).issued();

    Document licence = licencesOf(app).get(0);
    assertEquals(LocalDate.of(2031, 11, 22), licence.validUntil(), "five years from 2026-11-23");
    assertTrue(licence.number().startsWith("ZZ2026"), licence.number());
    assertEquals(1, licence.signatureCount());
    List<RecordingSeals.Applied> seals = portal.seals.applied.subList(sealsBefore,
        portal.seals.applied.size());
    assertEquals(List.of("SCJG", "SCJG"), seals.stream().map(RecordingSeals.Applied::departmentCode).toList());
    assertEquals("电子证照", seals.get(1).request().reason());
    String text = text(licence);
    for (String field : List.of("食品经营许可证", licence.number(), "演示科技有限公司",
        "食品经营许可（新办）", "准予从事预包装食品销售。", decision.number(), "至2031年11月22日")) {
      assertTrue(text.contains(field), field + " missing: " + text);
    }
    PortalMessage told = portal.messageRepo.messages.get(portal.messageRepo.messages.size() - 1);
    assertTrue(told.body().contains(licence.number()) && told.body().contains("电子证照"), told.body());
  }

  @Test
  void aLicenceExpiresAfterItsLastDayAndSaysSoWhereverItIsChecked() {
    portal.promised.grantLicence("食品经营许可证", 5);
    Application app = portal.accepted(portal.promised);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    Document licence = licencesOf(app).get(0);
    assertFalse(licence.expiredOn(LocalDate.of(2031, 11, 22)), "the last day still counts");
    assertTrue(licence.expiredOn(LocalDate.of(2031, 11, 23)));

    assertFalse(portal.verification.verifyStored(licence).expired());
    portal.clock.advance(Duration.ofDays(5 * 365 + 2)); // 2031-11-24 in Beijing
    assertTrue(portal.verification.verifyStored(licence).expired());
    assertTrue(portal.licences.standing(TestPortal.actor(portal.applicant), licence.id()).expired());
    Document decision = portal.documentRepo.ofApplication(app.id()).stream()
        .filter(d -> d.kind() == DocumentKind.APPROVAL_DECISION).findFirst().orElseThrow();
    assertFalse(portal.verification.verifyStored(decision).expired(), "a decision does not expire");
  }

  @Test
  void theStandingNamesRevocationFirstThenABrokenSealThenExpiry() {
    assertEquals("REVOKED", new Licences.Standing(true, true, true, null).state());
    assertEquals("INVALID", new Licences.Standing(false, false, true, "签名无效").state());
    assertEquals("EXPIRED", new Licences.Standing(true, false, true, null).state());
    assertEquals("VALID", new Licences.Standing(true, false, false, null).state());
  }

  @Test
  void theCenterSetsWhichLicenceAMatterGrantsAndForHowLong() {
    String code = portal.promised.code();
    assertEquals(403, assertThrows(DomainException.class, () -> portal.catalog.setOptions(
        actor(portal.clerk), code, new MatterOptions(null, "食品经营许可证", 5))).status());
    assertEquals(400, assertThrows(DomainException.class, () -> portal.catalog.setOptions(
        actor(portal.admin), code, new MatterOptions(null, null, null))).status());
    assertEquals(400, assertThrows(DomainException.class, () -> portal.catalog.setOptions(
        actor(portal.admin), code, new MatterOptions(null, null, 3))).status(),
        "years alone, for a matter that grants nothing");
    MatterView granted = portal.catalog.setOptions(actor(portal.admin), code,
        new MatterOptions(null, " 食品经营许可证 ", 5));
    assertEquals("食品经营许可证", granted.licenceName());
    assertEquals(5, granted.licenceYears());
    assertEquals(3, portal.catalog.setOptions(actor(portal.admin), code,
        new MatterOptions(null, null, 3)).licenceYears(), "the years alone");
    DomainException tooLong = assertThrows(DomainException.class, () -> portal.catalog.setOptions(
        actor(portal.admin), code, new MatterOptions(null, null, 100)));
    assertTrue(tooLong.getMessage().contains("licenceYears"), tooLong.getMessage());
    assertEquals(3, portal.promised.licenceYears(), "a refused change changes nothing");
    MatterView none = portal.catalog.setOptions(actor(portal.admin), code,
        new MatterOptions(null, "", null));
    assertNull(none.licenceName());
    assertNull(none.licenceYears());
    assertFalse(portal.promised.grantsLicence());
  }

  @Test
  void aMatterWithoutLicenceIssuesNone() {
    Application app = portal.accepted(portal.promised);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    assertEquals(ApplicationStatus.ISSUED, app.status());
    assertTrue(licencesOf(app).isEmpty());
  }

  @Test
  void aDenialIssuesNoLicence() {
    portal.promised.grantLicence("食品经营许可证", 5);
    Application app = portal.accepted(portal.promised);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.DENY, "场所不符合要求。", PIN);
    assertTrue(licencesOf(app).isEmpty());
  }

  @Test
  void aJointLicenceCarriesOneSealPerDepartmentInTheMattersOrder() {
    portal.joint.grantLicence("食品经营许可证（含公共场所卫生许可）", 4);
    Application app = portal.accepted(portal.joint);
    portal.decisions.decide(actor(portal.chiefB2), app.id(), DecisionOutcome.APPROVE, "卫生合格。", PIN);
    assertTrue(licencesOf(app).isEmpty(), "not before the last department approves");
    int sealsBefore = portal.seals.applied.size();
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "食品经营合格。", PIN);
    Document licence = licencesOf(app).get(0);
    assertEquals(2, licence.signatureCount());
    List<RecordingSeals.Applied> licenceSeals = portal.seals.applied.subList(sealsBefore + 2,
        portal.seals.applied.size());
    assertEquals(List.of("SCJG", "WSJK"),
        licenceSeals.stream().map(RecordingSeals.Applied::departmentCode).toList());
    assertEquals(List.of("seal-1", "seal-2"),
        licenceSeals.stream().map(a -> a.request().fieldName()).toList());
  }

  @Test
  void revokingTheApprovalRevokesItsLicence() throws Exception {
    portal.promised.grantLicence("食品经营许可证", 5);
    Application app = portal.accepted(portal.promised);
    portal.decisions.decide(actor(portal.chiefB), app.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    Document revocation = portal.revocations.revoke(actor(portal.chiefB), app.id(),
        "以欺骗手段取得许可", PIN);
    Document licence = licencesOf(app).get(0);
    assertTrue(licence.revoked());
    assertEquals("以欺骗手段取得许可", licence.revocationReason());
    String text = text(revocation);
    assertTrue(text.contains("并颁发电子证照（证照编号" + licence.number() + "）")
        && text.contains("所颁发的证照同时撤销"), text);
  }

  @Test
  void aDeemedApprovalIssuesTheLicenceUnderTheCenterSeal() {
    portal.promised.grantLicence("食品经营许可证", 5);
    portal.promised.setDeemedApprovalOnTimeout(true);
    Application app = portal.accepted(portal.promised);
    Instant target = LocalDate.of(2026, 12, 8).atTime(10, 0).atZone(portal.clock.getZone()).toInstant();
    portal.clock.advance(Duration.between(portal.clock.instant(), target));
    int sealsBefore = portal.seals.applied.size();
    assertEquals(1, portal.deemedApproval.run());
    Document licence = licencesOf(app).get(0);
    assertEquals(LocalDate.of(2031, 12, 7), licence.validUntil());
    assertEquals(List.of(RecordingSeals.CENTER, RecordingSeals.CENTER),
        portal.seals.applied.subList(sealsBefore, portal.seals.applied.size()).stream()
            .map(RecordingSeals.Applied::departmentCode).toList());
  }
}
