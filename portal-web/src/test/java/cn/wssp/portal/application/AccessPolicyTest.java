package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  final Department market = withId(new Department("SCJG", "市场监督管理局", "市监"), 1L);
  final Department health = withId(new Department("WSJK", "卫生健康委员会", "卫健"), 2L);
  final Enterprise demo = withId(new Enterprise("演示科技有限公司", CreditCode.complete("91350100M0001XU43")), 10L);
  final Enterprise other = withId(new Enterprise("示例餐饮管理有限公司", CreditCode.complete("91350102MA2Y8K3L0")), 11L);
  final Matter matter = new Matter("M", "食品经营许可", MatterKind.PROMISED, 10, "c", "l", "p", "f", List.of(market));
  final Application app = new Application("SQ1", matter,
      new UserAccount("applicant", "林晓", "x", Set.of(Role.APPLICANT)).inEnterprise(demo), Instant.now(), "TRACK234");

  {
    app.submit(Instant.now(), java.time.LocalDate.now().plusDays(2));
  }

  @Test
  void aDraftIsTheEnterprisesOwnBusiness() {
    Application draft = new Application("SQ2", matter,
        new UserAccount("applicant", "林晓", "x", Set.of(Role.APPLICANT)).inEnterprise(demo), Instant.now(), "TRACK234");
    assertTrue(AccessPolicy.canSee(actor(Role.APPLICANT, 10L, null), draft));
    for (Role r : List.of(Role.WINDOW_CLERK, Role.SUPERVISOR, Role.CENTER_ADMIN)) {
      assertFalse(AccessPolicy.canSee(actor(r, null, null), draft), r.name());
    }
    assertFalse(AccessPolicy.canSee(actor(Role.CHIEF_REP, null, 1L), draft));
  }

  @Test
  void materialsAreForTheWindowAndTheDecidingDepartmentsOnly() {
    assertTrue(AccessPolicy.canReadMaterials(actor(Role.WINDOW_CLERK, null, null), app));
    assertTrue(AccessPolicy.canReadMaterials(actor(Role.REVIEWER, null, 1L), app));
    assertFalse(AccessPolicy.canReadMaterials(actor(Role.CENTER_ADMIN, null, null), app));
    assertFalse(AccessPolicy.canReadMaterials(actor(Role.SUPERVISOR, null, null), app));
    assertTrue(AccessPolicy.canReadDocuments(actor(Role.SUPERVISOR, null, null), app));
    assertFalse(AccessPolicy.canReadDocuments(actor(Role.CENTER_ADMIN, null, null), app));
  }

  static <T> T withId(T entity, Long id) {
    try {
      Field f = entity.getClass().getDeclaredField("id");
      f.setAccessible(true);
      f.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Actor actor(Role role, Long enterprise, Long department) {
    return new Actor(1L, "u", "u", Set.of(role), enterprise, department, null);
  }

  @Test
  void applicantsSeeOnlyTheirEnterprise() {
    assertTrue(AccessPolicy.canSee(actor(Role.APPLICANT, 10L, null), app));
    assertFalse(AccessPolicy.canSee(actor(Role.APPLICANT, 11L, null), app));
    DomainException e = assertThrows(DomainException.class,
        () -> AccessPolicy.requireVisible(actor(Role.APPLICANT, 11L, null), app));
    assertEquals(404, e.status(), "another enterprise learns nothing, not even that it exists");
  }

  @Test
  void departmentStaffSeeTheirDepartmentsMatters() {
    assertTrue(AccessPolicy.canSee(actor(Role.CHIEF_REP, null, 1L), app));
    assertTrue(AccessPolicy.canSee(actor(Role.REVIEWER, null, 1L), app));
    assertFalse(AccessPolicy.canSee(actor(Role.CHIEF_REP, null, 2L), app));
  }

  @Test
  void centerStaffSeeEverything() {
    for (Role r : List.of(Role.WINDOW_CLERK, Role.SUPERVISOR, Role.CENTER_ADMIN)) {
      assertTrue(AccessPolicy.canSee(actor(r, null, null), app), r.name());
    }
  }

  @Test
  void onlyTheOwnersActAsApplicant() {
    assertThrows(DomainException.class,
        () -> AccessPolicy.requireOwner(actor(Role.WINDOW_CLERK, null, null), app));
    AccessPolicy.requireOwner(actor(Role.APPLICANT, 10L, null), app);
  }
}
