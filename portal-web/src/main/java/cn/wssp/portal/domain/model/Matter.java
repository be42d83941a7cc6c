package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A licensing matter (事项) with its service guide, the six disclosures (六公开) of §2. */
@Entity
@Table(name = "matter")
public class Matter {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;

  /** The name in English for the English pages; null: none given (the Chinese name is shown). */
  @Column(name = "name_en")
  private String nameEn;

  @Enumerated(EnumType.STRING)
  private MatterKind kind;

  /** Promised time limit (承诺时限) in working days from acceptance. */
  @Column(name = "time_limit_days")
  private int timeLimitDays;

  private String content;

  @Column(name = "legal_basis")
  private String legalBasis;

  @Column(name = "procedure_text")
  private String procedure;

  /** 申请条件: who may apply and what must hold; null where none was written down yet. */
  private String conditions;

  private String fees;

  private int version = 1;

  /**
   * 电子证照: the licence an approval of this matter grants (e.g. 食品经营许可证), issued next to
   * the approval decision; null for a matter whose approval is not a licence.
   */
  @Column(name = "licence_name")
  private String licenceName;

  /** How many years the licence is valid; set exactly when {@link #licenceName} is. */
  @Column(name = "licence_years")
  private Integer licenceYears;

  /**
   * 超时默许: when the review's time limit passes without a decision, the application counts as
   * approved and the center issues the approval (off unless the center turns it on for the matter).
   */
  @Column(name = "deemed_approval_on_timeout")
  private boolean deemedApprovalOnTimeout;

  /** Lead department first; a joint matter (联办件) lists every department, in the order of their seal places. */
  @ManyToMany(fetch = FetchType.EAGER)
  @JoinTable(
      name = "matter_department",
      joinColumns = @JoinColumn(name = "matter_id"),
      inverseJoinColumns = @JoinColumn(name = "department_id"))
  @OrderColumn(name = "sign_order")
  private List<Department> departments = new ArrayList<>();

  @OneToMany(mappedBy = "matter", cascade = CascadeType.ALL, fetch = FetchType.EAGER,
      orphanRemoval = true)
  @OrderBy("position")
  private List<MaterialSpec> materials = new ArrayList<>();

  protected Matter() {}

  public Matter(String code, String name, MatterKind kind, int timeLimitDays, String content,
      String legalBasis, String procedure, String fees, List<Department> departments) {
    if (departments.isEmpty()) {
      throw DomainException.invalid("事项「" + name + "」至少需要一个主办部门。")
          .inEnglish("Matter \"" + name + "\" needs at least one lead department.");
    }
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.timeLimitDays = timeLimitDays;
    this.content = content;
    this.legalBasis = legalBasis;
    this.procedure = procedure;
    this.fees = fees;
    this.departments = new ArrayList<>(departments);
  }

  /** 事项编码: capitals and digits in dash-separated groups (SCJG-0001, LB-0001), at most 40. */
  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

  /**
   * A new matter defined by the center (CENTER_ADMIN), every field checked and named as the API
   * names it: a 联办件 has at least two departments, every other kind exactly one (the lead); a
   * 即办件 is decided the same day, so its time limit is one working day.
   */
  public static Matter define(String code, String name, MatterKind kind, Integer timeLimitDays,
      String content, String legalBasis, String procedure, String fees,
      List<Department> departments) {
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("请填写事项编码（code）。")
          .inEnglish("Give the matter's code.");
    }
    if (code.strip().length() > 40 || !CODE.matcher(code.strip()).matches()) {
      throw DomainException.invalid("事项编码（code）应由大写字母、数字和连字符组成，以字母开头，"
          + "最多 40 个字符，例如 SCJG-0004。").inEnglish("A matter's code is capital letters, digits and"
          + " hyphens, beginning with a letter, at most 40 characters, e.g. SCJG-0004.");
    }
    if (kind == null) {
      throw DomainException.invalid("请选择事项类型（kind）：IMMEDIATE 即办件、PROMISED 承诺件、"
          + "JOINT 联办件或 FORWARDED 上报件。").inEnglish("Choose the kind of matter: immediate,"
          + " promised, joint or forwarded.");
    }
    int days = kind == MatterKind.IMMEDIATE ? 1 : timeLimitDays == null ? 0 : timeLimitDays;
    if (days < 1 || days > 365) {
      throw DomainException.invalid("承诺时限（timeLimitWorkingDays）应为 1 至 365 个工作日。")
          .inEnglish("The time limit is 1 to 365 working days.");
    }
    if (kind == MatterKind.JOINT ? departments.size() < 2 : departments.size() != 1) {
      throw DomainException.invalid(kind == MatterKind.JOINT
          ? "联办件至少需要两个部门（departments）。" : "请选择一个主办部门（departments）。")
          .inEnglish(kind == MatterKind.JOINT ? "A joint matter needs at least two departments."
              : "Choose the one department that handles the matter.");
    }
    if (departments.stream().map(Department::code).distinct().count() != departments.size()) {
      throw DomainException.invalid("部门（departments）重复。")
          .inEnglish("A department is listed twice.");
    }
    return new Matter(code.strip(), text(name, "name", "事项名称", 200), kind, days,
        text(content, "content", "办理内容", 4000), text(legalBasis, "legalBasis", "设定依据", 4000),
        text(procedure, "procedure", "办理流程", 4000), text(fees, "fees", "收费标准", 1000),
        departments);
  }

  /**
   * The guide's texts rewritten by the center (name, content, legal basis, procedure, fees, 申请条件),
   * each checked as when the matter was defined. The kind, time limit and departments stay: the
   * applications under way are timed and routed by them.
   */
  public void rewriteGuide(String name, String content, String conditions, String legalBasis,
      String procedure, String fees) {
    String n = text(name, "name", "事项名称", 200);
    String c = text(content, "content", "办理内容", 4000);
    String l = text(legalBasis, "legalBasis", "设定依据", 4000);
    String p = text(procedure, "procedure", "办理流程", 4000);
    String f = text(fees, "fees", "收费标准", 1000);
    describeConditions(conditions);
    this.name = n;
    this.content = c;
    this.legalBasis = l;
    this.procedure = p;
    this.fees = f;
  }

  private static String text(String value, String field, String label, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("请填写" + label + "（" + field + "）。")
          .inEnglish("Fill in " + field + ".");
    }
    if (value.strip().length() > max) {
      throw DomainException.invalid(label + "（" + field + "）不能超过 " + max + " 个字。")
          .inEnglish(field + " may be at most " + max + " characters long.");
    }
    return value.strip();
  }

  public Matter addMaterial(String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages) {
    return addMaterial(code, name, required, commitable, acceptedTypes, maxBytes, maxPages, false);
  }

  /** The same, saying whether the material is a form to fill in (its blank is offered). */
  public Matter addMaterial(String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages, boolean form) {
    materials.add(new MaterialSpec(this, code, name, required, commitable, acceptedTypes, maxBytes,
        maxPages, form, materials.size()));
    return this;
  }

  /**
   * A rule set version was published: its material list becomes the matter's list (the one the
   * guide shows and uploads are checked against) and its number the matter's version. Materials
   * are updated in place by code, so a material kept keeps its row.
   */
  public void adoptMaterialList(int rulesVersion, List<MaterialSpec.Listing> list) {
    if (list.isEmpty()) {
      throw DomainException.invalid("事项「" + name + "」至少需要一项材料。")
          .inEnglish("Matter \"" + name + "\" needs at least one material.");
    }
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      MaterialSpec.Listing l = list.get(i);
      if (!codes.add(l.code())) {
        throw DomainException.invalid("材料编码「" + l.code() + "」重复。")
            .inEnglish("Material code \"" + l.code() + "\" is listed twice.");
      }
      Optional<MaterialSpec> kept = material(l.code());
      if (kept.isPresent()) {
        kept.get().relist(l, i);
      } else {
        materials.add(new MaterialSpec(this, l, i));
      }
    }
    materials.removeIf(m -> !codes.contains(m.code()));
    materials.sort(java.util.Comparator.comparingInt(MaterialSpec::position));
    this.version = rulesVersion;
  }

  /** 「食品经营许可申请书」、「营业执照副本」: the materials' names, for notices. */
  public String materialNames(List<String> materialCodes) {
    return String.join("、", materialCodes.stream()
        .map(c -> material(c).map(m -> "「" + m.name() + "」").orElse(c)).toList());
  }

  public Optional<MaterialSpec> material(String materialCode) {
    return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
  }

  /**
   * The review clock's last day for an application accepted on {@code acceptedOn}: a 即办件 is
   * decided on the spot, so the same working day (the next one when accepted on a day off); the
   * other kinds within their promised working days, the day of acceptance not counted.
   */
  public java.time.LocalDate reviewDue(java.time.LocalDate acceptedOn,
      cn.wssp.portal.domain.calendar.WorkingDayCalendar calendar) {
    if (kind == MatterKind.IMMEDIATE) {
      return calendar.isWorkingDay(acceptedOn) ? acceptedOn : calendar.addWorkingDays(acceptedOn, 1);
    }
    return calendar.addWorkingDays(acceptedOn, timeLimitDays);
  }

  /** The center turns 超时默许 on or off for this matter. */
  public void setDeemedApprovalOnTimeout(boolean on) {
    this.deemedApprovalOnTimeout = on;
  }

  public boolean deemedApprovalOnTimeout() { return deemedApprovalOnTimeout; }
  public Long id() { return id; }
  public String code() { return code; }
  public String name() { return name; }
  public MatterKind kind() { return kind; }
  public int timeLimitDays() { return timeLimitDays; }
  public String content() { return content; }
  public String legalBasis() { return legalBasis; }
  public String procedure() { return procedure; }

  public String conditions() { return conditions; }

  /** Writes down the 申请条件 shown on the guide. */
  public void describeConditions(String text) {
    if (text != null && text.length() > 4000) {
      throw DomainException.invalid("申请条件不能超过 4000 个字。")
          .inEnglish("The conditions may be at most 4000 characters long.");
    }
    this.conditions = text == null || text.isBlank() ? null : text.strip();
  }
  /** Whether an approval of this matter grants a licence (电子证照) next to the decision. */
  public boolean grantsLicence() {
    return licenceName != null;
  }

  /**
   * The approval of this matter grants {@code name}, valid {@code years} years; a blank name:
   * it grants none.
   */
  public void grantLicence(String name, Integer years) {
    if (name == null || name.isBlank()) {
      this.licenceName = null;
      this.licenceYears = null;
      return;
    }
    if (name.strip().length() > 100) {
      throw DomainException.invalid("证照名称（licenceName）不能超过 100 个字。")
          .inEnglish("The licence's name may be at most 100 characters long.");
    }
    if (years == null || years < 1 || years > 99) {
      throw DomainException.invalid("证照有效期（licenceYears）应为 1 至 99 年。")
          .inEnglish("A licence is valid for 1 to 99 years.");
    }
    this.licenceName = name.strip();
    this.licenceYears = years;
  }

  /**
   * Last day of validity of a licence issued on {@code issuedOn}: the day before the same date
   * {@link #licenceYears} years later (2026-03-05 for five years: until 2031-03-04).
   */
  public java.time.LocalDate licenceValidUntil(java.time.LocalDate issuedOn) {
    if (!grantsLicence()) {
      throw new IllegalStateException("事项「" + name + "」不颁发证照");
    }
    return issuedOn.plusYears(licenceYears).minusDays(1);
  }

  public String licenceName() { return licenceName; }
  public String nameEn() { return nameEn; }

  /** The name an English sentence uses: the English one, or the Chinese one when none is given. */
  public String nameForEnglish() { return nameEn != null ? nameEn : name; }

  /** The name shown on the English pages; blank: none (the Chinese name is shown there). */
  public void nameInEnglish(String english) {
    if (english == null || english.isBlank()) {
      this.nameEn = null;
      return;
    }
    if (english.strip().length() > 200) {
      throw DomainException.invalid("英文名称（nameEn）不能超过 200 个字符。")
          .inEnglish("The English name may be at most 200 characters long.");
    }
    this.nameEn = english.strip();
  }
  public Integer licenceYears() { return licenceYears; }
  public String fees() { return fees; }
  public int version() { return version; }
  public List<Department> departments() { return List.copyOf(departments); }
  public Department leadDepartment() { return departments.get(0); }
  public List<MaterialSpec> materials() { return List.copyOf(materials); }
  public boolean involves(Department d) {
    return d != null && departments.stream().anyMatch(x -> x.id().equals(d.id()));
  }
}
