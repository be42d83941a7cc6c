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

  public List<MatterView> all() {
    return matters.all().stream().map(MatterCatalog::view).toList();
  }

  /** The center's options of a matter (超时默许), changed by a CENTER_ADMIN and audited. */
  @Transactional
  public MatterView setOptions(Actor actor, String code, Boolean deemedApprovalOnTimeout) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "修改事项办理选项");
    if (deemedApprovalOnTimeout == null) {
      throw DomainException.invalid("请指定是否超时默许（deemedApprovalOnTimeout 应为 true 或 false）。");
    }
    Matter m = matter(code);
    boolean before = m.deemedApprovalOnTimeout();
    m.setDeemedApprovalOnTimeout(deemedApprovalOnTimeout);
    audit.record(actor, null, AuditAction.MATTER_OPTIONS_CHANGED, null, null,
        m.code() + " 超时默许：" + onOff(before) + " → " + onOff(deemedApprovalOnTimeout));
    return view(m);
  }

  private static String onOff(boolean on) {
    return on ? "开启" : "关闭";
  }

  public MatterView one(String code) {
    return view(matter(code));
  }

  /** The matter of this code, or a message that names the code. */
  public Matter matter(String code) {
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("请选择办理事项（matterCode 不能为空）。");
    }
    String trimmed = code.trim();
    if (trimmed.length() > MAX_CODE_LENGTH) {
      throw DomainException.invalid("办理事项编码（matterCode）过长，最多 " + MAX_CODE_LENGTH + " 个字符。");
    }
    return matters.byCode(trimmed).orElseThrow(() ->
        new DomainException("NOT_FOUND", 404, "办理事项「" + trimmed + "」不存在。"));
  }

  public static MatterView view(Matter m) {
    return new MatterView(m.code(), m.name(), m.kind().name(), m.kind().label(),
        m.departments().stream().map(Department::name).toList(), m.timeLimitDays(), m.content(),
        m.conditions(), m.legalBasis(), m.procedure(), m.fees(), m.version(),
        m.materials().stream().map(s -> new MatterView.MaterialView(s.code(), s.name(),
            s.required(), s.commitable(), s.acceptedTypes(), s.maxBytes(), s.maxPages(),
            s.form())).toList(),
        m.deemedApprovalOnTimeout(), m.licenceName(), m.licenceYears());
  }
}
