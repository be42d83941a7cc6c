package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.MatterRegistration;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.application.NewMatter;
import cn.wssp.portal.application.UserAdministration;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin page's 新增事项: a matter's guide (六公开), its departments and its first rule set,
 * registered at once (the material list comes from the rules, as for every later version). A
 * refusal names the field and keeps everything typed.
 */
@Named
@ViewScoped
public class NewMatterBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A first rule set to start from: one form, PDF only; edited before it is registered. */
  static final String RULES_TEMPLATE = """
      {
        "format": "wssp-prereview-rules/1",
        "matter": "事项名称",
        "version": "1",
        "materials": [
          {
            "code": "application-form",
            "name": "申请书",
            "required": true,
            "acceptedTypes": ["application/pdf"],
            "maxBytes": 10485760,
            "maxPages": 20,
            "checks": [
              { "type": "keywords", "all": ["申请"], "hint": "请上传填写完整并签章的申请书。" }
            ]
          }
        ]
      }
      """;

  @Inject
  Formats formats;

  @Inject
  CurrentActor current;

  @Inject
  MatterRegistration registration;

  @Inject
  UserAdministration users;

  @Inject
  MatterOptionsBean options;

  @Inject
  EnglishNames englishNames;

  private String code;
  private String name;
  private String nameEn;
  private String kind = "PROMISED";
  private Integer timeLimit = 10;
  private List<String> departments = new ArrayList<>();
  private String content;
  private String conditions;
  private String legalBasis;
  private String procedure;
  private String fees = "不收费";
  private String rules = RULES_TEMPLATE;

  public List<SelectItem> getDepartmentItems() {
    return Pages.departmentItems(Pages.attempt(() -> users.departments(current.require())),
        formats);
  }

  public void create() {
    MatterView created = Pages.attempt(() -> registration.register(current.require(),
        new NewMatter(code, name, nameEn, kind, timeLimit, departments, content, conditions, legalBasis,
            procedure, fees, rules)));
    if (created != null) {
      Pages.info(Pages.label("admin.newMatter.created") + " " + created.code() + " " + created.name());
      options.reload();
      englishNames.forget();
      code = null;
      name = null;
      nameEn = null;
      content = null;
      conditions = null;
      legalBasis = null;
      procedure = null;
      rules = RULES_TEMPLATE;
      departments = new ArrayList<>();
    }
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getNameEn() { return nameEn; }
  public void setNameEn(String nameEn) { this.nameEn = nameEn; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public Integer getTimeLimit() { return timeLimit; }
  public void setTimeLimit(Integer timeLimit) { this.timeLimit = timeLimit; }
  public List<String> getDepartments() { return departments; }
  public void setDepartments(List<String> departments) { this.departments = departments; }
  public String getContent() { return content; }
  public void setContent(String content) { this.content = content; }
  public String getConditions() { return conditions; }
  public void setConditions(String conditions) { this.conditions = conditions; }
  public String getLegalBasis() { return legalBasis; }
  public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
  public String getProcedure() { return procedure; }
  public void setProcedure(String procedure) { this.procedure = procedure; }
  public String getFees() { return fees; }
  public void setFees(String fees) { this.fees = fees; }
  public String getRules() { return rules; }
  public void setRules(String rules) { this.rules = rules; }
}
