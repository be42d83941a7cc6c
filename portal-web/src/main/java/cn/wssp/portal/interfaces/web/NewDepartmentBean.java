package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.SealAdministration;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The admin page's 新增部门: code, name, short form and English name; the department's seal is made at once
 * (its certificate then shows in the list below). A refusal names the field and keeps the rest.
 */
@Named
@ViewScoped
public class NewDepartmentBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  SealAdministration seals;

  @Inject
  EnglishNames englishNames;

  private String code;
  private String name;
  private String abbreviation;
  private String nameEn;

  public void add() {
    Department added = Pages.attempt(() -> seals.addDepartment(current.require(), code, name,
        abbreviation, nameEn));
    if (added != null) {
      englishNames.forget();
      Pages.info(Pages.label("admin.newDepartment.added") + " " + added.code() + " " + added.name());
      code = null;
      name = null;
      abbreviation = null;
      nameEn = null;
    }
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAbbreviation() { return abbreviation; }
  public void setAbbreviation(String abbreviation) { this.abbreviation = abbreviation; }
  public String getNameEn() { return nameEn; }
  public void setNameEn(String nameEn) { this.nameEn = nameEn; }
}
