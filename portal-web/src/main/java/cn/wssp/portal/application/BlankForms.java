package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialSpec;
import cn.wssp.portal.domain.model.Matter;
import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.signing.BlankFormRenderer;
import cn.wssp.signing.SigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 空白表格: the blank of every material that is a form the applicant fills in (an 申请书 or
 * 申请表), offered on the service guide without login. The fields are those the pre-review and
 * the window look for, so a form filled in from it is complete.
 */
@ApplicationScoped
public class BlankForms {
  /** The rows every application form asks for. */
  static final List<String> FIELDS = List.of("申请单位名称", "统一社会信用代码", "法定代表人（负责人）",
      "法定代表人身份证件号码", "住所（经营场所）", "联系人", "联系电话", "申请事项", "申请内容及理由",
      "申请人签字（盖章）", "申请日期");

  private final BlankFormRenderer renderer = new BlankFormRenderer();

  /**
   * Rendered blanks, one per form material: anyone may ask for them without login, and laying
   * out a PDF with an embedded CJK font costs far more CPU than sending it. A blank is rendered
   * again only when what it shows changed (the matter's rules version, the names, the center).
   * At most as many entries as the catalogue has forms: unknown materials are refused first.
   */
  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

  private record Rendered(String shows, Blank blank) {}

  @Inject
  MatterCatalog catalog;

  @Inject
  PortalProfile profile;

  /** The blank as a PDF; 404 for a material that is not a form (a licence, an ID card). */
  public Blank of(String matterCode, String materialCode) {
    Matter matter = catalog.matter(matterCode);
    MaterialSpec spec = matter.materials().stream().filter(m -> m.code().equals(materialCode))
        .findFirst().orElseThrow(() -> new DomainException("NOT_FOUND", 404,
            "事项「" + matter.name() + "」没有材料 " + abbreviate(materialCode) + "。")
            .inEnglish("Matter \"" + matter.nameForEnglish() + "\" has no material "
                + abbreviate(materialCode) + "."));
    if (!spec.form()) { // the rules say so (RULES.md "form"), as the guide's link does
      throw new DomainException("NOT_FOUND", 404, "「" + spec.name()
          + "」不是需要填写的表格，没有空白表格；请按办事指南准备原件的扫描件。")
          .inEnglish("\"" + spec.nameForEnglish() + "\" is not a form to fill in and has no blank form;"
              + " please prepare a scan of the original as the service guide says.");
    }
    String shows = matter.version() + "\n" + matter.name() + "\n" + spec.name() + "\n"
        + profile.centerName();
    Rendered cached = rendered.get(matterCode + "\n" + materialCode);
    if (cached != null && cached.shows().equals(shows)) {
      return cached.blank();
    }
    Blank blank = render(matter, spec);
    rendered.put(matterCode + "\n" + materialCode, new Rendered(shows, blank));
    return blank;
  }

  private Blank render(Matter matter, MaterialSpec spec) {
    try {
      byte[] pdf = renderer.render(new BlankFormRenderer.BlankForm(spec.name(), matter.name(),
          profile.centerName(), FIELDS, List.of(
              "填写说明：请如实、完整填写各栏，签字并加盖单位公章后，扫描或拍照为 PDF 上传至「"
                  + spec.name() + "」一栏。",
              "统一社会信用代码须与营业执照一致；网上预审会核对申请书与营业执照上的单位名称和代码。")));
      return new Blank("空白表格-" + spec.name() + ".pdf", pdf);
    } catch (SigningException e) {
      throw new DomainException("DOCUMENT_FAILED", 500, "空白表格生成失败：" + e.getMessage())
          .inEnglish("The blank form could not be produced: " + e.getMessage());
    }
  }

  /** A blank's file name and bytes (shared by every caller: never change them). */
  public record Blank(String fileName, byte[] pdf) {}

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
