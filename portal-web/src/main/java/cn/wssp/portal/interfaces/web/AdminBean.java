package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Calendars;
import cn.wssp.portal.application.Delegations;
import cn.wssp.portal.application.DishonestList;
import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterRules;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.application.SealAdministration;
import cn.wssp.portal.application.StorageReconciler;
import cn.wssp.portal.domain.calendar.CalendarRepository;
import cn.wssp.portal.domain.model.DelegatedAction;
import cn.wssp.portal.domain.model.DishonestEnterprise;
import cn.wssp.portal.domain.storage.StorageReconciliation;
import cn.wssp.portal.interfaces.security.CurrentActor;
import cn.wssp.signing.SealInfo;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The center administrator's console (/app/admin.xhtml): pre-review rules (edit, try against a
 * sample, publish), the holiday calendar, delegation letters, the 失信 list, seals and the
 * storage check. Every rule and every audit entry lives in the application services; this bean
 * only carries the forms.
 */
@Named
@ViewScoped
public class AdminBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  MatterCatalog catalog;

  @Inject
  MatterRules rules;

  @Inject
  EnglishNames englishNames;

  @Inject
  Calendars calendars;

  @Inject
  Delegations delegations;

  @Inject
  DishonestList dishonest;

  @Inject
  SealAdministration seals;

  @Inject
  StorageReconciler storage;

  // 预审规则
  private String matterCode;
  private String rulesDocument;
  private MatterRules.RulesView inForce;
  private String trialMaterial;
  private String trialEnterprise = "演示科技有限公司";
  private String trialCreditCode;
  private List<MatterRules.TrialFinding> trialFindings;
  private String trialFile;

  // 节假日
  private int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
  private String holidays;
  private String workdays;

  // 失信名单
  private String creditCode;
  private String dishonestReason;

  // 授权委托书
  private String department;
  private String roleA;
  private String roleB;
  private String delegationMatters;
  private List<String> delegationActions = new ArrayList<>(List.of("APPROVE", "ISSUE"));
  private LocalDate validFrom;
  private LocalDate validTo;

  public List<MatterView> getMatters() {
    return catalog.all();
  }

  /** Loads the rule set in force of the chosen matter into the editor. */
  public void loadRules() {
    trialFindings = null;
    trialMaterial = null;
    inForce = matterCode == null ? null : Pages.attempt(() -> rules.inForce(matterCode));
    rulesDocument = inForce == null ? null : inForce.document();
  }

  public void trial(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    if (trialMaterial == null && !getEditorMaterials().isEmpty()) {
      trialMaterial = getEditorMaterials().get(0); // the menu shows the first until changed
    }
    try {
      trialFile = file.getFileName();
      trialFindings = Pages.attempt(() -> {
        try (InputStream in = file.getInputStream()) {
          return rules.trial(current.require(), rulesDocument, trialMaterial, file.getFileName(),
              in.readAllBytes(), trialEnterprise, trialCreditCode);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } finally {
      Pages.discard(file);
    }
  }

  public void publishRules() {
    MatterRules.RulesView published =
        Pages.attempt(() -> rules.publish(current.require(), matterCode, rulesDocument));
    if (published != null) {
      englishNames.forget(); // the materials' English names come with the rule set
      inForce = published;
      Pages.info("已发布「" + matterCode + "」预审规则第 " + published.version()
          + " 版：此后提交的申请按新版本预审，已提交的申请不受影响。");
    }
  }

  /** The material codes of the rule set in the editor, for the trial's choice. */
  public List<String> getEditorMaterials() {
    return rules.materialCodes(rulesDocument);
  }

  public void loadYear() {
    CalendarRepository.YearDays days = calendars.year(year);
    holidays = lines(days.holidays());
    workdays = lines(days.workdays());
  }

  public void saveYear() {
    Set<LocalDate> h = dates(holidays, "节假日");
    Set<LocalDate> w = dates(workdays, "调休上班日");
    if (h == null || w == null) {
      return;
    }
    if (Pages.attempt(() -> calendars.publish(current.require(), year, h, w)) != null) {
      Pages.info(year + " 年节假日安排已保存（节假日 " + h.size() + " 天，调休上班 " + w.size() + " 天）。");
    }
  }

  public List<DishonestEnterprise> getDishonestList() {
    List<DishonestEnterprise> all = Pages.attempt(() -> dishonest.all(current.require()));
    return all == null ? List.of() : all;
  }

  public void addDishonest() {
    if (Pages.attempt(() -> dishonest.add(current.require(), creditCode, dishonestReason, null)) != null) {
      Pages.info("已将 " + creditCode + " 列入失信名单。");
      creditCode = null;
      dishonestReason = null;
    }
  }

  public void removeDishonest(String code) {
    if (Pages.attempt(() -> dishonest.remove(current.require(), code))) {
      Pages.info("已将 " + code + " 移出失信名单。");
    }
  }

  public List<Delegations.View> getDelegationList() {
    List<Delegations.View> all = Pages.attempt(() -> delegations.all(current.require()));
    return all == null ? List.of() : all;
  }

  public List<DelegatedAction> getAllActions() {
    return List.of(DelegatedAction.values());
  }

  public void issueDelegation() {
    Set<DelegatedAction> actions = EnumSet.noneOf(DelegatedAction.class);
    delegationActions.forEach(a -> actions.add(DelegatedAction.valueOf(a)));
    List<String> matters = delegationMatters == null || delegationMatters.isBlank() ? List.of()
        : Arrays.stream(delegationMatters.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    Delegations.View issued = Pages.attempt(() -> delegations.issue(current.require(),
        new Delegations.Request(department, roleA, roleB, matters, actions, validFrom, validTo)));
    if (issued != null) {
      Pages.info("已签发授权委托书 " + issued.letter().number() + "。");
    }
  }

  public List<SealInfo> getSeals() {
    List<SealInfo> all = Pages.attempt(() -> seals.list(current.require()));
    return all == null ? List.of() : all;
  }

  /** Each department's chosen seal algorithm, by code, for the selects (filled on first use). */
  private final java.util.Map<String, String> sealAlgorithms = new java.util.HashMap<>();

  public List<cn.wssp.portal.domain.model.Department> getDepartments() {
    List<cn.wssp.portal.domain.model.Department> all =
        Pages.attempt(() -> seals.departments(current.require()));
    if (all == null) {
      return List.of();
    }
    for (cn.wssp.portal.domain.model.Department d : all) {
      sealAlgorithms.putIfAbsent(d.code(), d.sealAlgorithm());
      departmentEnglishNames.putIfAbsent(d.code(), d.nameEn() == null ? "" : d.nameEn());
    }
    return all;
  }

  /** Each department's name in English as typed, by code, for the inputs (filled on first use). */
  private final java.util.Map<String, String> departmentEnglishNames = new java.util.HashMap<>();

  public java.util.Map<String, String> getDepartmentEnglishNames() {
    return departmentEnglishNames;
  }

  /** Saves the English name typed for {@code code} (blank: none); the English pages show it. */
  public void nameDepartmentInEnglish(String code) {
    cn.wssp.portal.domain.model.Department named = Pages.attempt(() -> seals.nameInEnglish(
        current.require(), code, departmentEnglishNames.get(code)));
    if (named != null) {
      englishNames.forget();
      departmentEnglishNames.put(code, named.nameEn() == null ? "" : named.nameEn());
      Pages.info(Pages.label("admin.departments.nameEn.saved") + " " + named.name());
    }
  }

  public java.util.Map<String, String> getSealAlgorithms() {
    return sealAlgorithms;
  }

  /** Applies the algorithm chosen for {@code code}: the department's seal is re-keyed at once. */
  public void changeSealAlgorithm(String code) {
    String chosen = sealAlgorithms.get(code);
    cn.wssp.portal.domain.model.Department changed =
        Pages.attempt(() -> seals.changeSealAlgorithm(current.require(), code, chosen));
    if (changed != null) {
      sealAlgorithms.put(code, changed.sealAlgorithm());
      Pages.info("「" + changed.name() + "」的印章算法为 " + changed.sealAlgorithm()
          + "，其印章证书已按此算法签发。");
    }
  }

  public void revokeSeal(String id) {
    SealInfo revoked = Pages.attempt(() -> seals.revoke(current.require(), id));
    if (revoked != null) {
      Pages.info("印章证书 " + revoked.serialNumber() + " 已吊销，已为「" + revoked.holderName()
          + "」签发新的印章证书。");
    }
  }

  public StorageReconciliation getLastReconciliation() {
    return Pages.attempt(() -> storage.lastRun(current.require()).orElse(null));
  }

  public void reconcile() {
    StorageReconciliation run = Pages.attempt(() -> storage.reconcileNow(current.require()));
    if (run != null) {
      Pages.info("存储核对完成：对象 " + run.objects() + " 个，孤立 " + run.orphans() + " 个，缺失 "
          + run.missing() + " 个。");
    }
  }

  private static String lines(Set<LocalDate> days) {
    return new TreeSet<>(days).stream().map(LocalDate::toString).collect(Collectors.joining("\n"));
  }

  /** Dates one per line or separated by commas or spaces; null (and a message) if one is wrong. */
  private static Set<LocalDate> dates(String text, String field) {
    Set<LocalDate> out = new TreeSet<>();
    if (text == null) {
      return out;
    }
    for (String token : text.split("[,，\\s]+")) {
      if (token.isBlank()) {
        continue;
      }
      try {
        out.add(LocalDate.parse(token.trim()));
      } catch (DateTimeParseException e) {
        Pages.error(field + "中的「" + token + "」不是日期，请写成 2026-10-01 的格式。");
        return null;
      }
    }
    return out;
  }

  public String getMatterCode() { return matterCode; }
  public void setMatterCode(String matterCode) { this.matterCode = matterCode; }
  public String getRulesDocument() { return rulesDocument; }
  public void setRulesDocument(String rulesDocument) { this.rulesDocument = rulesDocument; }
  public MatterRules.RulesView getInForce() { return inForce; }
  public String getTrialMaterial() { return trialMaterial; }
  public void setTrialMaterial(String trialMaterial) { this.trialMaterial = trialMaterial; }
  public String getTrialEnterprise() { return trialEnterprise; }
  public void setTrialEnterprise(String trialEnterprise) { this.trialEnterprise = trialEnterprise; }
  public String getTrialCreditCode() { return trialCreditCode; }
  public void setTrialCreditCode(String trialCreditCode) { this.trialCreditCode = trialCreditCode; }
  public List<MatterRules.TrialFinding> getTrialFindings() { return trialFindings; }
  public String getTrialFile() { return trialFile; }
  public int getYear() { return year; }
  public void setYear(int year) { this.year = year; }
  public String getHolidays() { return holidays; }
  public void setHolidays(String holidays) { this.holidays = holidays; }
  public String getWorkdays() { return workdays; }
  public void setWorkdays(String workdays) { this.workdays = workdays; }
  public String getCreditCode() { return creditCode; }
  public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
  public String getDishonestReason() { return dishonestReason; }
  public void setDishonestReason(String dishonestReason) { this.dishonestReason = dishonestReason; }
  public String getDepartment() { return department; }
  public void setDepartment(String department) { this.department = department; }
  public String getRoleA() { return roleA; }
  public void setRoleA(String roleA) { this.roleA = roleA; }
  public String getRoleB() { return roleB; }
  public void setRoleB(String roleB) { this.roleB = roleB; }
  public String getDelegationMatters() { return delegationMatters; }
  public void setDelegationMatters(String delegationMatters) { this.delegationMatters = delegationMatters; }
  public List<String> getDelegationActions() { return delegationActions; }
  public void setDelegationActions(List<String> delegationActions) { this.delegationActions = delegationActions; }
  public LocalDate getValidFrom() { return validFrom; }
  public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
  public LocalDate getValidTo() { return validTo; }
  public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
}
