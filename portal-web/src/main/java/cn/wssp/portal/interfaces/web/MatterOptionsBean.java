package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterOptions;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The admin page's 事项设置: every matter with its 超时默许 and the licence (电子证照) its
 * approval grants, and a form that loads one matter's options and saves them (audited by the
 * catalog). A blank licence name: the matter grants none.
 */
@Named
@ViewScoped
public class MatterOptionsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  MatterCatalog catalog;

  @Inject
  EnglishNames englishNames;

  private String code;
  private boolean deemedApproval;
  private String licenceName;
  private String nameEn;
  /** The guide's texts of the chosen matter (办事指南), saved apart from the options. */
  private String guideName;
  private String guideContent;
  private String guideConditions;
  private String guideLegalBasis;
  private String guideProcedure;
  private String guideFees;
  private Integer licenceYears;
  private transient List<MatterView> matters;

  public List<MatterView> getMatters() {
    if (matters == null) {
      matters = catalog.all();
    }
    return matters;
  }

  /** The list is read again (a matter was added). */
  public void reload() {
    matters = null;
  }

  /** Fills the form with the chosen matter's options as they are. */
  public void load() {
    MatterView m = code == null ? null : Pages.attempt(() -> catalog.one(code));
    deemedApproval = m != null && m.deemedApprovalOnTimeout();
    licenceName = m == null ? null : m.licenceName();
    nameEn = m == null ? null : m.nameEn();
    guideName = m == null ? null : m.name();
    guideContent = m == null ? null : m.content();
    guideConditions = m == null ? null : m.conditions();
    guideLegalBasis = m == null ? null : m.legalBasis();
    guideProcedure = m == null ? null : m.procedure();
    guideFees = m == null ? null : m.fees();
    licenceYears = m == null ? null : m.licenceYears();
  }

  public void save() {
    MatterView saved = Pages.attempt(() -> catalog.setOptions(current.require(), code,
        new MatterOptions(deemedApproval, licenceName == null ? "" : licenceName,
            licenceName == null || licenceName.isBlank() ? null : licenceYears,
            nameEn == null ? "" : nameEn)));
    if (saved != null) {
      Pages.info(Pages.label("admin.options.saved") + " " + saved.code() + " " + saved.name());
      matters = null;
      englishNames.forget();
      load();
    }
  }

  /** 保存办事指南: the texts as typed; a refusal names the field and keeps them. */
  public void saveGuide() {
    MatterView saved = Pages.attempt(() -> catalog.rewriteGuide(current.require(), code, guideName,
        guideContent, guideConditions, guideLegalBasis, guideProcedure, guideFees));
    if (saved != null) {
      Pages.info(Pages.label("admin.guide.saved") + " " + saved.code() + " " + saved.name());
      matters = null;
    }
  }

  public boolean isChosen() {
    return code != null;
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public boolean isDeemedApproval() { return deemedApproval; }
  public void setDeemedApproval(boolean deemedApproval) { this.deemedApproval = deemedApproval; }
  public String getGuideName() { return guideName; }
  public void setGuideName(String v) { this.guideName = v; }
  public String getGuideContent() { return guideContent; }
  public void setGuideContent(String v) { this.guideContent = v; }
  public String getGuideConditions() { return guideConditions; }
  public void setGuideConditions(String v) { this.guideConditions = v; }
  public String getGuideLegalBasis() { return guideLegalBasis; }
  public void setGuideLegalBasis(String v) { this.guideLegalBasis = v; }
  public String getGuideProcedure() { return guideProcedure; }
  public void setGuideProcedure(String v) { this.guideProcedure = v; }
  public String getGuideFees() { return guideFees; }
  public void setGuideFees(String v) { this.guideFees = v; }
  public String getNameEn() { return nameEn; }
  public void setNameEn(String nameEn) { this.nameEn = nameEn; }
  public String getLicenceName() { return licenceName; }
  public void setLicenceName(String licenceName) { this.licenceName = licenceName; }
  public Integer getLicenceYears() { return licenceYears; }
  public void setLicenceYears(Integer licenceYears) { this.licenceYears = licenceYears; }
}
