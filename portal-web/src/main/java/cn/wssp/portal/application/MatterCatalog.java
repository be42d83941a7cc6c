package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Matter;
import cn.wssp.portal.domain.model.MatterRepository;
import cn.wssp.portal.domain.model.Role;
import jakarta.transaction.Transactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Matters as published service guides (办事指南, 六公开). */
@ApplicationScoped
public class MatterCatalog {
  /** Matter codes are short (SCJG-0001); a longer one is refused, never echoed back. */
  static final int MAX_CODE_LENGTH = 64;

  @Inject
  MatterRepository matters;

  @Inject
  AuditTrail audit;

  @Inject
  InTransaction tx;

  /** Every guide, read in one transaction (each matter's materials and departments load lazily). */
  public List<MatterView> all() {
    return tx.reading(() -> matters.all().stream().map(MatterCatalog::view).toList());
  }

  /** 超时默许 on or off, changed by a CENTER_ADMIN and audited. */
  public MatterView setOptions(Actor actor, String code, Boolean deemedApprovalOnTimeout) {
    if (deemedApprovalOnTimeout == null) {
      throw DomainException.invalid("请指定是否超时默许（deemedApprovalOnTimeout 应为 true 或 false）。")
          .inEnglish("Say whether approval is deemed on timeout (deemedApprovalOnTimeout is true"
              + " or false).");
    }
    return setOptions(actor, code, MatterOptions.deemedApproval(deemedApprovalOnTimeout));
  }

  /**
   * The center's options of a matter (超时默许, the licence an approval grants), changed by a
   * CENTER_ADMIN; what is not given stays as it is; each change is audited with before and after.
   * A licence name without years keeps the years it had.
   */
  @Transactional
  public MatterView setOptions(Actor actor, String code, MatterOptions options) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "修改事项办理选项");
    if (options == null || options.isEmpty()) {
      throw DomainException.invalid("请至少指定一项：超时默许（deemedApprovalOnTimeout）、英文名称"
          + "（nameEn）、证照名称（licenceName）或证照有效期（licenceYears）。")
          .inEnglish("Give at least one option: deemed approval on timeout"
              + " (deemedApprovalOnTimeout), English name (nameEn), licence name (licenceName) or"
              + " licence validity (licenceYears).");
    }
    Matter m = matter(code);
    List<String> changes = new java.util.ArrayList<>();
    if (options.deemedApprovalOnTimeout() != null) {
      boolean before = m.deemedApprovalOnTimeout();
      m.setDeemedApprovalOnTimeout(options.deemedApprovalOnTimeout());
      changes.add("超时默许：" + onOff(before) + " → " + onOff(options.deemedApprovalOnTimeout()));
    }
    if (options.nameEn() != null) {
      String before = m.nameEn();
      m.nameInEnglish(options.nameEn());
      changes.add("英文名称：" + (before == null ? "无" : before) + " → "
          + (m.nameEn() == null ? "无" : m.nameEn()));
    }
    if (options.licenceName() != null || options.licenceYears() != null) {
      String before = licence(m);
      String name = options.licenceName() != null ? options.licenceName() : m.licenceName();
      Integer years = options.licenceYears() != null ? options.licenceYears() : m.licenceYears();
      if (name == null || name.isBlank()) {
        if (options.licenceName() == null) {
          throw DomainException.invalid("事项「" + m.code() + "」不颁发证照，请同时填写证照名称（licenceName）。")
              .inEnglish("Matter \"" + m.code() + "\" issues no licence: give the licence name"
                  + " (licenceName) too.");
        }
        years = null;
      }
      m.grantLicence(name, years);
      changes.add("颁发证照：" + before + " → " + licence(m));
    }
    audit.record(actor, null, AuditAction.MATTER_OPTIONS_CHANGED, null, null,
        m.code() + " " + String.join("；", changes));
    return view(m);
  }

  /**
   * The center admin rewrites a matter's guide (name, content, conditions, legal basis,
   * procedure, fees; every one given, conditions may be blank), audited with the fields changed.
   */
  @Transactional
  public MatterView rewriteGuide(Actor actor, String code, String name, String content,
      String conditions, String legalBasis, String procedure, String fees) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "修改办事指南");
    Matter m = matter(code);
    MatterView before = view(m);
    m.rewriteGuide(name, content, conditions, legalBasis, procedure, fees);
    MatterView after = view(m);
    List<String> changed = new java.util.ArrayList<>();
    if (!before.name().equals(after.name())) {
      changed.add("名称：" + before.name() + " → " + after.name());
    }
    String[][] texts = {{"办理内容", before.content(), after.content()},
        {"申请条件", before.conditions(), after.conditions()},
        {"设定依据", before.legalBasis(), after.legalBasis()},
        {"办理流程", before.procedure(), after.procedure()}, {"收费标准", before.fees(), after.fees()}};
    for (String[] t : texts) {
      if (!java.util.Objects.equals(t[1], t[2])) {
        changed.add(t[0]);
      }
    }
    audit.record(actor, null, AuditAction.MATTER_GUIDE_CHANGED, null, null, m.code() + " "
        + (changed.isEmpty() ? "未改动" : String.join("；", changed)));
    return after;
  }

  private static String licence(Matter m) {
    return m.grantsLicence() ? m.licenceName() + "（" + m.licenceYears() + " 年）" : "不颁发";
  }

  private static String onOff(boolean on) {
    return on ? "开启" : "关闭";
  }

  public MatterView one(String code) {
    return tx.reading(() -> view(matter(code)));
  }

  /** The matter of this code, or a message that names the code. */
  public Matter matter(String code) {
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("请选择办理事项（matterCode 不能为空）。")
          .inEnglish("Choose the matter (matterCode may not be empty).");
    }
    String trimmed = code.trim();
    if (trimmed.length() > MAX_CODE_LENGTH) {
      throw DomainException.invalid("办理事项编码（matterCode）过长，最多 " + MAX_CODE_LENGTH + " 个字符。")
          .inEnglish("The matter code (matterCode) is too long: at most " + MAX_CODE_LENGTH
              + " characters.");
    }
    return matters.byCode(trimmed).orElseThrow(() ->
        new DomainException("NOT_FOUND", 404, "办理事项「" + trimmed + "」不存在。")
            .inEnglish("There is no matter \"" + trimmed + "\"."));
  }

  public static MatterView view(Matter m) {
    return new MatterView(m.code(), m.name(), m.nameEn(), m.kind().name(), m.kind().label(),
        m.departments().stream().map(Department::name).toList(), m.timeLimitDays(), m.content(),
        m.conditions(), m.legalBasis(), m.procedure(), m.fees(), m.version(),
        m.materials().stream().map(s -> new MatterView.MaterialView(s.code(), s.name(),
            s.required(), s.commitable(), s.acceptedTypes(), s.maxBytes(), s.maxPages(),
            s.form(), s.nameEn())).toList(),
        m.deemedApprovalOnTimeout(), m.licenceName(), m.licenceYears());
  }
}
