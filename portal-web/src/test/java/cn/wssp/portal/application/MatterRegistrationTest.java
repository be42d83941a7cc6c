package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 新增办理事项: a matter defined by the center with its first rule set, each field named. */
class MatterRegistrationTest {
  final TestPortal portal = new TestPortal();

  static final String RULES = """
      {"format": "wssp-prereview-rules/1", "matter": "食品小作坊登记", "version": "1",
       "materials": [{"code": "workshop-form", "name": "食品小作坊登记申请表", "required": true,
         "acceptedTypes": ["application/pdf"], "maxBytes": 10485760, "maxPages": 10,
         "checks": [{"type": "keywords", "all": ["小作坊"]}]}]}""";

  NewMatter workshop(String code, String kind, Integer days, List<String> departments, String rules) {
    return new NewMatter(code, "食品小作坊登记", "Small food workshop registration", kind, days, departments,
        "从事食品生产加工的小作坊，应当向所在地市场监督管理部门办理登记。", "申请人为食品小作坊经营者。",
        "《福建省食品小作坊小餐饮小摊点管理条例》", "网上申请 → 预审 → 受理 → 审查 → 决定", "不收费", rules);
  }

  @Test
  void aNewMatterIsListedWithItsMaterialsAndTakesApplications() {
    MatterView created = portal.registration.register(actor(portal.admin),
        workshop("SCJG-0101", "PROMISED", 7, List.of("SCJG"), RULES));
    assertEquals("SCJG-0101", created.code());
    assertEquals("PROMISED", created.kind());
    assertEquals(List.of("市场监督管理局"), created.departments());
    assertEquals(7, created.timeLimitWorkingDays());
    assertEquals("Small food workshop registration", created.nameEn());
    assertEquals(1, created.version());
    assertEquals("申请人为食品小作坊经营者。", created.conditions());
    assertEquals(List.of("workshop-form"), created.materials().stream().map(MatterView.MaterialView::code).toList());
    assertTrue(portal.catalog.all().stream().anyMatch(m -> m.code().equals("SCJG-0101")));
    assertTrue(portal.auditRepo.entries.stream().anyMatch(e -> e.action() == AuditAction.MATTER_CREATED
        && e.detail().contains("SCJG-0101") && e.actor().equals("admin")));

    Application app = portal.applications.create(actor(portal.applicant), "SCJG-0101");
    assertEquals("SCJG-0101", app.matter().code());
  }

  @Test
  void eachWrongFieldIsNamedAndNothingIsLeftBehind() {
    assertRefused("code", workshop("scjg 0101", "PROMISED", 7, List.of("SCJG"), RULES));
    assertRefused("kind", workshop("SCJG-0102", "SOMETIMES", 7, List.of("SCJG"), RULES));
    assertRefused("timeLimitWorkingDays", workshop("SCJG-0102", "PROMISED", 0, List.of("SCJG"), RULES));
    assertRefused("departments", workshop("SCJG-0102", "JOINT", 7, List.of("SCJG"), RULES));
    assertRefused("departments", workshop("SCJG-0102", "PROMISED", 7, List.of("SCJG", "WSJK"), RULES));
    assertRefused("departments", workshop("SCJG-0102", "PROMISED", 7, List.of("NOPE"), RULES));
    assertRefused("rules", workshop("SCJG-0102", "PROMISED", 7, List.of("SCJG"), null));
    DomainException badRules = assertThrows(DomainException.class, () -> portal.registration.register(
        actor(portal.admin), workshop("SCJG-0102", "PROMISED", 7, List.of("SCJG"), "{\"materials\": []}")));
    assertEquals(400, badRules.status());
    assertTrue(portal.catalog.all().stream().noneMatch(m -> m.code().equals("SCJG-0102")),
        "a refused matter is not listed");
    // A 即办件 is decided the same day whatever is given; a joint matter with two departments.
    assertEquals(1, portal.registration.register(actor(portal.admin),
        workshop("SCJG-0103", "IMMEDIATE", null, List.of("SCJG"), RULES)).timeLimitWorkingDays());
    assertEquals(List.of("市场监督管理局", "卫生健康委员会"), portal.registration.register(actor(portal.admin),
        workshop("LB-0103", "JOINT", 15, List.of("SCJG", "WSJK"), RULES)).departments());
  }

  @Test
  void aTakenCodeIsAConflictAndOnlyTheCenterAdminDefinesMatters() {
    DomainException taken = assertThrows(DomainException.class, () -> portal.registration.register(
        actor(portal.admin), workshop("SCJG-0001", "PROMISED", 7, List.of("SCJG"), RULES)));
    assertEquals(409, taken.status());
    assertEquals(MatterRegistration.MATTER_EXISTS, taken.code());
    DomainException clerk = assertThrows(DomainException.class, () -> portal.registration.register(
        actor(portal.clerk), workshop("SCJG-0104", "PROMISED", 7, List.of("SCJG"), RULES)));
    assertEquals(403, clerk.status());
  }

  @Test
  void theNameInEnglishIsChangedAndClearedInTheOptionsAndAudited() {
    MatterView named = portal.catalog.setOptions(actor(portal.admin), "SCJG-0002",
        new MatterOptions(null, null, null, " Replacing a lost business licence "));
    assertEquals("Replacing a lost business licence", named.nameEn());
    assertEquals(java.util.Map.of("SCJG-0002", "Replacing a lost business licence"),
        portal.matterRepo.englishNames());
    assertTrue(portal.auditRepo.entries.stream().anyMatch(e -> e.action() == AuditAction.MATTER_OPTIONS_CHANGED
        && e.detail().contains("英文名称：无 → Replacing a lost business licence")));
    assertNull(portal.catalog.setOptions(actor(portal.admin), "SCJG-0002",
        new MatterOptions(null, null, null, "")).nameEn(), "blank: none");
    assertEquals(400, assertThrows(DomainException.class, () -> portal.catalog.setOptions(
        actor(portal.admin), "SCJG-0002", new MatterOptions(null, null, null, "x".repeat(201)))).status());
  }

  @Test
  void theGuideIsRewrittenFieldByFieldAndAudited() {
    MatterView before = portal.catalog.one("SCJG-0002");
    MatterView after = portal.catalog.rewriteGuide(actor(portal.admin), "SCJG-0002", before.name(),
        before.content(), "企业营业执照遗失的。", before.legalBasis(), before.procedure(), "免费");
    assertEquals("企业营业执照遗失的。", after.conditions());
    assertEquals("免费", after.fees());
    assertEquals(before.timeLimitWorkingDays(), after.timeLimitWorkingDays());
    assertTrue(portal.auditRepo.entries.stream().anyMatch(e -> e.action() == AuditAction.MATTER_GUIDE_CHANGED
        && e.detail().equals("SCJG-0002 申请条件；收费标准")), portal.auditRepo.entries.toString());
    DomainException blank = assertThrows(DomainException.class, () -> portal.catalog.rewriteGuide(
        actor(portal.admin), "SCJG-0002", before.name(), " ", null, before.legalBasis(),
        before.procedure(), "免费"));
    assertTrue(blank.getMessage().contains("content"), blank.getMessage());
    assertEquals("免费", portal.catalog.one("SCJG-0002").fees(), "a refusal changes nothing");
    assertEquals(403, assertThrows(DomainException.class, () -> portal.catalog.rewriteGuide(
        actor(portal.clerk), "SCJG-0002", before.name(), before.content(), null,
        before.legalBasis(), before.procedure(), "免费")).status());
  }

  private void assertRefused(String field, NewMatter m) {
    DomainException e = assertThrows(DomainException.class,
        () -> portal.registration.register(actor(portal.admin), m));
    assertEquals(400, e.status(), e.getMessage());
    assertTrue(e.getMessage().contains(field), field + ": " + e.getMessage());
  }
}
