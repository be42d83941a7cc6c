package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 委托书 (CENTER_ADMIN, API.md's admin/delegations): a department entrusts its chief
 * representatives B and A with matters, actions and a period; issuing one seals the letter with
 * the department's seal as a document of no application, which the named chiefs may download.
 */
@ApplicationScoped
public class Delegations {
  /** What the center asks for; strings as typed, checked here against accounts and matters. */
  public record Request(String department, String roleA, String roleB, List<String> matters,
      Set<DelegatedAction> actions, LocalDate validFrom, LocalDate validTo) {}

  /** A letter as the API shows it, with the people's usernames and the sealed PDF. */
  public record View(Long id, String department, String departmentCode, String roleA,
      String roleAName, String roleB, String roleBName, List<String> matters,
      List<DelegatedAction> actions, List<String> actionLabels, LocalDate validFrom,
      LocalDate validTo, LetterView letter, String issuedBy, Instant issuedAt) {}

  public record LetterView(Long id, String kind, String number, Instant createdAt) {}

  @Inject
  DelegationRepository delegations;

  @Inject
  AccountRepository accounts;

  @Inject
  MatterRepository matters;

  @Inject
  DocumentRepository documents;

  @Inject
  DocumentIssuer issuer;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  /** Checks the letter, seals its PDF with the department's seal and records both; audited. */
  @Transactional
  public View issue(Actor actor, Request request) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "签发授权委托书");
    Department department = department(request.department());
    UserAccount roleB = chiefOf(department, request.roleB(), "roleB", "B角", "role B");
    UserAccount roleA = chiefOf(department, request.roleA(), "roleA", "A角", "role A");
    List<Matter> entrusted = mattersOf(department, request.matters());
    Delegation delegation = new Delegation(department.id(), roleA.id(), roleB.id(),
        entrusted.stream().map(Matter::code).collect(Collectors.toCollection(LinkedHashSet::new)),
        request.actions(), request.validFrom(), request.validTo());

    List<String> actionLabels = delegation.actions().stream().map(DelegatedAction::label).toList();
    Document letter = issuer.issueStandalone(DocumentKind.DELEGATION_LETTER,
        department.name() + "首席代表 " + roleB.displayName() + "、" + roleA.displayName(),
        OfficialTexts.delegationLetter(department, person(roleB), person(roleA),
            entrusted.stream().map(m -> m.name() + "（" + m.code() + "）").toList(), actionLabels,
            delegation.validFrom(), delegation.validTo()),
        department, department.name());
    delegation.issued(actor.username(), Instant.now(clock), letter.id());
    delegations.add(delegation);
    audit.record(actor, null, AuditAction.DELEGATION_ISSUED, null, null,
        department.name() + " B角 " + roleB.username() + " A角 " + roleA.username() + " 事项 "
            + (entrusted.isEmpty() ? "全部" : String.join(",", delegation.matterCodes()))
            + " 权限 " + String.join("、", actionLabels) + " " + delegation.validFrom() + " 至 "
            + delegation.validTo() + " 委托书 " + letter.number());
    return view(delegation, department, letter);
  }

  /** Every letter, newest first. */
  public List<View> all(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看授权委托书");
    Map<Long, Department> departments = matters.departments().stream()
        .collect(Collectors.toMap(Department::id, Function.identity()));
    List<View> views = new ArrayList<>();
    for (Delegation d : delegations.all()) {
      views.add(view(d, departments.get(d.departmentId()),
          d.letterDocumentId() == null ? null : documents.find(d.letterDocumentId()).orElse(null)));
    }
    return views;
  }

  private View view(Delegation d, Department department, Document letter) {
    UserAccount a = d.roleAId() == null ? null : accounts.find(d.roleAId()).orElse(null);
    UserAccount b = d.roleBId() == null ? null : accounts.find(d.roleBId()).orElse(null);
    List<DelegatedAction> actions = List.copyOf(d.actions());
    return new View(d.id(), department == null ? null : department.name(),
        department == null ? null : department.code(),
        a == null ? null : a.username(), a == null ? null : a.displayName(),
        b == null ? null : b.username(), b == null ? null : b.displayName(),
        d.matterCodes(), actions, actions.stream().map(DelegatedAction::label).toList(),
        d.validFrom(), d.validTo(),
        letter == null ? null : new LetterView(letter.id(), letter.kind().name(), letter.number(),
            letter.createdAt()),
        d.issuedBy(), d.issuedAt());
  }

  /** A department by its code (SCJG) or its name (市场监督管理局), as /me and /matters show it. */
  private Department department(String codeOrName) {
    if (codeOrName == null || codeOrName.isBlank()) {
      throw DomainException.invalid("字段 department 不能为空（部门编码或名称，如 SCJG 或 市场监督管理局）。")
          .inEnglish("The field department may not be empty (a department's code or name, such as"
              + " SCJG).");
    }
    String wanted = codeOrName.trim();
    return matters.departments().stream()
        .filter(d -> d.code().equalsIgnoreCase(wanted) || d.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> DomainException.invalid("部门（department）「" + abbreviate(wanted)
            + "」不存在，请填写部门编码或名称。")
            .inEnglish("No department \"" + abbreviate(wanted)
                + "\": give a department's code or name."));
  }

  private UserAccount chiefOf(Department department, String username, String field, String role,
      String roleEn) {
    if (username == null || username.isBlank()) {
      throw DomainException.invalid("字段 " + field + " 不能为空（" + role + "首席代表的用户名）。")
          .inEnglish("The field " + field + " may not be empty (the user name of the " + roleEn
              + " chief representative).");
    }
    String wanted = username.trim();
    return accounts.byUsername(wanted)
        .filter(u -> u.has(Role.CHIEF_REP) && u.department() != null
            && u.department().id().equals(department.id()))
        .orElseThrow(() -> DomainException.invalid(role + "（" + field + "）「" + abbreviate(wanted)
            + "」不是" + department.name() + "的首席代表账户。")
            .inEnglish("\"" + abbreviate(wanted) + "\" (" + field + ", " + roleEn
                + ") is not a chief representative account of " + department.nameForEnglish() + "."));
  }

  /** The matters entrusted, each of this department; none listed means all of them. */
  private List<Matter> mattersOf(Department department, List<String> codes) {
    List<Matter> entrusted = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      String wanted = code == null ? "" : code.trim();
      Matter matter = matters.byCode(wanted).filter(m -> m.involves(department))
          .orElseThrow(() -> DomainException.invalid("委托事项（matters）中的「" + abbreviate(wanted)
              + "」不是" + department.name() + "的事项编码。")
              .inEnglish("\"" + abbreviate(wanted) + "\" in the entrusted matters (matters) is"
                  + " not a matter code of " + department.nameForEnglish() + "."));
      if (!entrusted.contains(matter)) {
        entrusted.add(matter);
      }
    }
    return entrusted;
  }

  private static String person(UserAccount u) {
    return u.displayName() + "（" + u.username() + "）";
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
