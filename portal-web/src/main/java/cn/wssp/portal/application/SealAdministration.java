package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.domain.service.Seals;
import cn.wssp.signing.SealAlgorithm;
import cn.wssp.signing.SealInfo;
import cn.wssp.signing.SigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The center administrator's view of the seal certificates (CENTER_ADMIN): list them, and revoke
 * one whose key is lost or compromised. A revoked seal signs nothing more; its holder gets a new
 * key and certificate at once, so the window and the departments keep working.
 */
@ApplicationScoped
public class SealAdministration {
  @Inject
  Seals seals;

  @Inject
  AuditTrail audit;

  @Inject
  MatterRepository matters;

  public List<SealInfo> list(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看印章证书");
    try {
      return seals.list();
    } catch (SigningException e) {
      throw unavailable(e);
    }
  }

  @Transactional
  public SealInfo revoke(Actor actor, String id) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "吊销印章证书");
    SealInfo revoked;
    try {
      revoked = seals.revoke(id);
    } catch (SigningException e) {
      throw unavailable(e);
    }
    if (revoked == null) {
      throw DomainException.notFound("印章证书（id）")
          .inEnglish("The seal certificate (id) does not exist or you may not see it.");
    }
    audit.record(actor, null, AuditAction.SEAL_REVOKED, null, null,
        revoked.holderName() + " " + revoked.title() + "，序列号 " + revoked.serialNumber());
    return revoked;
  }

  /** The departments with the algorithm of their seals. */
  public List<Department> departments(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看部门印章");
    return matters.departments();
  }

  /** 409: a department with this code exists already. */
  public static final String DEPARTMENT_EXISTS = "DEPARTMENT_EXISTS";

  /**
   * Adds a department and makes its seal now (RSA until the center chooses another algorithm),
   * so its first decision does not wait for keys and a failure shows here; audited.
   */
  @Transactional
  public Department addDepartment(Actor actor, String code, String name, String abbreviation,
      String nameEn) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "新增部门");
    Department department = Department.define(code, name, abbreviation, nameEn);
    boolean taken = matters.departments().stream().anyMatch(d -> d.code().equals(department.code())
        || d.name().equals(department.name()));
    if (taken) {
      throw new DomainException(DEPARTMENT_EXISTS, 409, "部门编码「" + department.code() + "」或名称「"
          + department.name() + "」已被使用。").inEnglish("The code " + department.code()
          + " or the name " + department.name() + " is already used by a department.");
    }
    matters.add(department);
    try {
      seals.ensureSeal(department);
    } catch (SigningException e) {
      throw unavailable(e);
    }
    audit.record(actor, null, AuditAction.DEPARTMENT_CREATED, null, null,
        department.code() + " " + department.name() + "（" + department.abbreviation() + "）");
    return department;
  }

  /**
   * Gives {@code departmentCode} its name on the English pages ({@code nameEn} blank: none, the
   * Chinese name shows); audited. The seal keeps the Chinese name it was made with.
   */
  @Transactional
  public Department nameInEnglish(Actor actor, String departmentCode, String nameEn) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "修改部门英文名称");
    String english = Department.englishName(nameEn);
    Department department = department(departmentCode);
    if (!java.util.Objects.equals(english, department.nameEn())) {
      String before = department.nameEn();
      department.namedInEnglish(english);
      audit.record(actor, null, AuditAction.DEPARTMENT_RENAMED_IN_ENGLISH, null, null,
          department.name() + "：" + (before == null ? "（无）" : before) + " → "
              + (english == null ? "（无）" : english));
    }
    return department;
  }

  private Department department(String departmentCode) {
    return matters.departments().stream()
        .filter(d -> d.code().equalsIgnoreCase(departmentCode == null ? "" : departmentCode))
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("部门（" + departmentCode + "）")
            .inEnglish("There is no department " + departmentCode + "."));
  }

  /**
   * Sets the algorithm of {@code departmentCode}'s seal and re-keys it now, so the seal list
   * shows the new certificate and a failure is reported here rather than at the next signature.
   */
  @Transactional
  public Department changeSealAlgorithm(Actor actor, String departmentCode, String algorithm) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "变更印章算法");
    SealAlgorithm chosen = SealAlgorithm.parse(algorithm);
    if (chosen == null) {
      throw DomainException.invalid(
          "请选择印章算法（algorithm 应为 RSA、ECDSA_P256 或 SM2，SM2 即国密 SM2/SM3）。")
          .inEnglish("Choose the seal's algorithm (algorithm is RSA, ECDSA_P256 or SM2, the"
              + " national SM2/SM3).");
    }
    Department department = department(departmentCode);
    String before = department.sealAlgorithm();
    if (chosen.name().equals(before)) {
      return department;
    }
    department.useSealAlgorithm(chosen.name());
    try {
      seals.ensureSeal(department);
    } catch (SigningException e) {
      throw unavailable(e);
    }
    audit.record(actor, null, AuditAction.SEAL_ALGORITHM_CHANGED, null, null,
        department.name() + "：" + before + " → " + chosen.name());
    return department;
  }

  private static DomainException unavailable(SigningException e) {
    return new DomainException("SIGNING_FAILED", 500, "印章服务不可用：" + e.getMessage())
        .inEnglish("The seal service is unavailable: " + e.getMessage());
  }
}
