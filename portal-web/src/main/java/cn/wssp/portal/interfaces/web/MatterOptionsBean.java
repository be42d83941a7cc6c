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
  MatterEnglishNames englishNames;

  private String code;
  private boolean deemedApproval;
  private String licenceName;
  private String nameEn;
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

  public boolean isChosen() {
    return code != null;
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public boolean isDeemedApproval() { return deemedApproval; }
  public void setDeemedApproval(boolean deemedApproval) { this.deemedApproval = deemedApproval; }
  public String getNameEn() { return nameEn; }
  public void setNameEn(String nameEn) { this.nameEn = nameEn; }
  public String getLicenceName() { return licenceName; }
  public void setLicenceName(String licenceName) { this.licenceName = licenceName; }
  public Integer getLicenceYears() { return licenceYears; }
  public void setLicenceYears(Integer licenceYears) { this.licenceYears = licenceYears; }
}
