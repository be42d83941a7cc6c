package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 新增部门: a department the center adds is there for new matters at once; each field named. */
class DepartmentsTest {
  final TestPortal portal = new TestPortal();

  @Test
  void anAddedDepartmentLeadsANewMatter() {
    Department added = portal.sealAdministration.addDepartment(actor(portal.admin), "ZJJ", "住房和城乡建设局", "住建",
        " Housing and Urban-Rural Development Bureau ");
    assertEquals("住建", added.abbreviation());
    assertEquals(java.util.Map.of("住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
        portal.matterRepo.departmentEnglishNames(), "the English pages name it so");
    assertEquals("RSA", added.sealAlgorithm());
    assertTrue(portal.auditRepo.entries.stream().anyMatch(e -> e.action() == AuditAction.DEPARTMENT_CREATED
        && e.detail().equals("ZJJ 住房和城乡建设局（住建）")));
    MatterView m = portal.registration.register(actor(portal.admin), new NewMatter("ZJJ-0001",
        "建筑工程施工许可", null, "PROMISED", 7, List.of("ZJJ"), "c", null, "l", "p", "不收费",
        MatterRegistrationTest.RULES));
    assertEquals(List.of("住房和城乡建设局"), m.departments());
  }

  @Test
  void theAdminRenamesADepartmentInEnglishAudited() {
    Department renamed = portal.sealAdministration.nameInEnglish(actor(portal.admin), "scjg",
        " Market Regulation ");
    assertEquals("Market Regulation", renamed.nameEn());
    assertEquals("Market Regulation", portal.matterRepo.departmentEnglishNames().get(renamed.name()));
    assertTrue(portal.auditRepo.entries.stream().anyMatch(e ->
        e.action() == AuditAction.DEPARTMENT_RENAMED_IN_ENGLISH && e.detail().endsWith("→ Market Regulation")));
    assertNull(portal.sealAdministration.nameInEnglish(actor(portal.admin), "SCJG", " ").nameEn(),
        "blank: none, the Chinese name shows");
    assertEquals(400, assertThrows(DomainException.class, () -> portal.sealAdministration
        .nameInEnglish(actor(portal.admin), "SCJG", "x".repeat(101))).status());
    assertEquals(404, assertThrows(DomainException.class, () -> portal.sealAdministration
        .nameInEnglish(actor(portal.admin), "NONE", "x")).status());
    assertEquals(403, assertThrows(DomainException.class, () -> portal.sealAdministration
        .nameInEnglish(actor(portal.clerk), "SCJG", "x")).status());
  }

  @Test
  void eachWrongFieldIsNamedATakenOneIsAConflictAndOnlyTheAdminAdds() {
    for (String[] bad : new String[][] {{"zjj", "住房和城乡建设局", "住建", null, "code"},
        {"ZJJ", " ", "住建", null, "name"},
        {"ZJJ", "住房和城乡建设局", "住房和城乡建设局住房和城乡建设局", null, "abbreviation"},
        {"ZJJ", "住房和城乡建设局", "住建", "x".repeat(101), "nameEn"}}) {
      DomainException e = assertThrows(DomainException.class, () ->
          portal.sealAdministration.addDepartment(actor(portal.admin), bad[0], bad[1], bad[2], bad[3]));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains(bad[4]), e.getMessage());
    }
    DomainException taken = assertThrows(DomainException.class, () ->
        portal.sealAdministration.addDepartment(actor(portal.admin), "SCJG", "另一个局", "另", ""));
    assertEquals(409, taken.status());
    assertEquals(403, assertThrows(DomainException.class, () -> portal.sealAdministration
        .addDepartment(actor(portal.clerk), "ZJJ", "住房和城乡建设局", "住建", null)).status());
  }
}
