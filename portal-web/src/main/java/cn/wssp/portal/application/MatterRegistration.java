package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Matter;
import cn.wssp.portal.domain.model.MatterKind;
import cn.wssp.portal.domain.model.MatterRepository;
import cn.wssp.portal.domain.model.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * 新增办理事项: the center admin defines a matter and publishes its first rule set in one
 * transaction (a rule set that does not parse leaves no matter behind), audited. The guide's
 * fields are checked by {@link Matter#define}; the rules by {@link MatterRules}.
 */
@ApplicationScoped
public class MatterRegistration {
  /** 409: a matter with this code exists already. */
  public static final String MATTER_EXISTS = "MATTER_EXISTS";

  @Inject
  MatterRepository matters;

  @Inject
  MatterRules rules;

  @Inject
  AuditTrail audit;

  @Transactional
  public MatterView register(Actor actor, NewMatter m) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "新增办理事项");
    if (m == null) {
      throw DomainException.invalid("请提交事项的编码、名称、类型、时限、部门、六公开内容和预审规则。")
          .inEnglish("Give the matter's code, name, kind, time limit, departments, the six"
              + " published particulars and the pre-review rules.");
    }
    Matter matter = Matter.define(m.code(), m.name(), kind(m.kind()), m.timeLimitWorkingDays(),
        m.content(), m.legalBasis(), m.procedure(), m.fees(), departments(m.departments()));
    if (matters.byCode(matter.code()).isPresent()) {
      throw new DomainException(MATTER_EXISTS, 409, "事项编码「" + matter.code() + "」已被使用。")
          .inEnglish("The matter code " + matter.code() + " is already in use.");
    }
    matter.describeConditions(m.conditions());
    matter.nameInEnglish(m.nameEn());
    if (m.rules() == null || m.rules().isBlank()) {
      throw DomainException.invalid("请填写预审规则（rules）：材料清单及其检查，格式同 PUT /api/v1/matters/{code}/rules。")
          .inEnglish("Give the pre-review rules (rules): the materials and their checks, in the"
              + " format of PUT /api/v1/matters/{code}/rules.");
    }
    if (MatterRules.parse(m.rules()).requirements().isEmpty()) {
      throw DomainException.invalid("预审规则（rules）至少需要一项材料（materials）。")
          .inEnglish("The rule set lists at least one material.");
    }
    matters.add(matter); // checked before it is stored: a refusal leaves nothing behind
    int version = rules.publish(matter, m.rules(), actor.username()).version();
    audit.record(actor, null, AuditAction.MATTER_CREATED, null, null, matter.code() + " "
        + matter.name() + "（" + matter.kind().label() + "，预审规则第 " + version + " 版）");
    return MatterCatalog.view(matter);
  }

  private static MatterKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return MatterKind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("事项类型（kind）应为 IMMEDIATE、PROMISED、JOINT 或 FORWARDED。")
          .inEnglish("The kind is IMMEDIATE, PROMISED, JOINT or FORWARDED.");
    }
  }

  /** The departments by code, in the order given (the lead first); an unknown code is named. */
  private List<Department> departments(List<String> codes) {
    List<Department> known = matters.departments();
    List<Department> chosen = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      chosen.add(known.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow(() ->
          DomainException.invalid("部门（departments）「" + code + "」不存在。")
              .inEnglish("No department " + code + ".")));
    }
    return chosen;
  }
}
