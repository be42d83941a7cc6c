package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 失信名单: the center lists an enterprise; it may no longer sign a commitment (§5). */
class DishonestListTest {
  final TestPortal portal = new TestPortal();
  final DishonestList list = portal.dishonest;
  final String code = portal.demo.creditCode();

  @Test
  void aListedEnterpriseIsRefusedTheCommitmentWithTheReason() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    list.add(actor(portal.admin), code, "虚假承诺被撤销许可", LocalDate.of(2026, 11, 20));
    assertEquals(AuditAction.DISHONEST_LISTED,
        portal.auditRepo.entries.get(portal.auditRepo.entries.size() - 1).action());

    DomainException e = assertThrows(DomainException.class, () -> portal.applications.signCommitment(
        actor(portal.applicant), app.id(), List.of("premises-layout"), LocalDate.of(2026, 12, 31)));
    assertEquals(403, e.status());
    assertEquals("DISHONEST_ENTERPRISE", e.code());
    assertEquals("贵单位已被列入失信名单（原因：虚假承诺被撤销许可），不适用告知承诺制，请补齐全部材料后再提交。",
        e.getMessage());
    assertTrue(portal.applicationRepo.commitment(app.id()).isEmpty());
    assertEquals(e.getMessage(),
        portal.applications.commitmentRefusal(actor(portal.applicant), app.id()).orElseThrow());

    list.remove(actor(portal.admin), code.toLowerCase());
    assertEquals(AuditAction.DISHONEST_REMOVED,
        portal.auditRepo.entries.get(portal.auditRepo.entries.size() - 1).action());
    assertTrue(portal.applications.commitmentRefusal(actor(portal.applicant), app.id()).isEmpty());
    portal.applications.signCommitment(actor(portal.applicant), app.id(), List.of("premises-layout"),
        LocalDate.of(2026, 12, 31));
    assertTrue(portal.applicationRepo.commitment(app.id()).isPresent());
  }

  @Test
  void anotherEnterprisesListingChangesNothingForThisOne() {
    Application app = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    list.add(actor(portal.admin), portal.second.creditCode(), "失信", null);
    portal.applications.signCommitment(actor(portal.applicant), app.id(), List.of("premises-layout"),
        LocalDate.of(2026, 12, 31));
    assertEquals(LocalDate.of(2026, 11, 23), list.all(actor(portal.admin)).get(0).listedOn(),
        "the date defaults to today");
  }

  @Test
  void entriesAreCheckedAndOnlyTheCenterKeepsTheList() {
    assertEquals(403, assertThrows(DomainException.class,
        () -> list.add(actor(portal.supervisor), code, "失信", null)).status());
    assertEquals(403, assertThrows(DomainException.class, () -> list.all(actor(portal.clerk))).status());
    DomainException badCode = assertThrows(DomainException.class,
        () -> list.add(actor(portal.admin), "91350100M0001XU4X", "失信", null));
    assertEquals(400, badCode.status());
    assertTrue(badCode.getMessage().contains("creditCode"), badCode.getMessage());
    DomainException noReason = assertThrows(DomainException.class,
        () -> list.add(actor(portal.admin), code, " ", null));
    assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
    list.add(actor(portal.admin), code, "失信", null);
    assertEquals(409, assertThrows(DomainException.class,
        () -> list.add(actor(portal.admin), code, "再次", null)).status());
    assertEquals(404, assertThrows(DomainException.class,
        () -> list.remove(actor(portal.admin), portal.second.creditCode())).status());
  }
}
