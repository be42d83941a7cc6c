package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Matter;
import cn.wssp.portal.domain.model.MatterRepository;
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

  public List<MatterView> all() {
    return matters.all().stream().map(MatterCatalog::view).toList();
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
        m.legalBasis(), m.procedure(), m.fees(), m.version(),
        m.materials().stream().map(s -> new MatterView.MaterialView(s.code(), s.name(),
            s.required(), s.commitable(), s.acceptedTypes(), s.maxBytes(), s.maxPages())).toList());
  }
}
