package cn.wssp.portal.domain.model;

import jakarta.persistence.*;

/** A licensing department with a window in the center (e.g. 市场监督管理局). */
@Entity
@Table(name = "department")
public class Department {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;

  /** Short form used in document numbers, e.g. "市监". */
  private String abbreviation;

  /** The name on the English pages (null: none given, the Chinese name shows). */
  @Column(name = "name_en")
  private String nameEn;

  /**
   * The algorithm of the department's seal key: RSA, ECDSA_P256 or SM2 (national SM2/SM3).
   * Changing it re-keys the seal; documents already signed keep their own certificate.
   */
  @Column(name = "seal_algorithm")
  private String sealAlgorithm = "RSA";

  protected Department() {}

  public Department(String code, String name, String abbreviation) {
    this.code = code;
    this.name = name;
    this.abbreviation = abbreviation;
  }

  /** 部门编码: capitals and digits (SCJG, WSJK), 2 to 20. */
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]{1,19}");

  /**
   * A department the center adds (CENTER_ADMIN), each field named as the API names it: its code
   * (used in matters, delegations and seal certificates), its name as the seal reads it, and the
   * short form (简称) its document numbers carry; {@code nameEn}, its name on the English pages,
   * may be blank.
   */
  public static Department define(String code, String name, String abbreviation, String nameEn) {
    if (code == null || !CODE.matcher(code.strip()).matches()) {
      throw DomainException.invalid("部门编码（code）应由大写字母和数字组成，以字母开头，2 至 20 个字符，例如 ZJJ。")
          .inEnglish("A department's code is 2 to 20 capital letters and digits, beginning with a letter, e.g. ZJJ.");
    }
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw DomainException.invalid("请填写部门名称（name），不超过 100 个字。")
          .inEnglish("Give the department's name, at most 100 characters.");
    }
    if (abbreviation == null || abbreviation.isBlank() || abbreviation.strip().length() > 10) {
      throw DomainException.invalid("请填写部门简称（abbreviation，文书编号用），不超过 10 个字。")
          .inEnglish("Give the short form used in document numbers, at most 10 characters.");
    }
    return new Department(code.strip(), name.strip(), abbreviation.strip())
        .namedInEnglish(englishName(nameEn));
  }

  /** An English name as given: trimmed, blank for none, at most 100 characters. */
  public static String englishName(String nameEn) {
    if (nameEn != null && nameEn.strip().length() > 100) {
      throw DomainException.invalid("部门英文名称（nameEn）不超过 100 个字符。")
          .inEnglish("The department's English name may be at most 100 characters long.");
    }
    return nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
  }

  /** Gives the name the English pages show (null: none). */
  public Department namedInEnglish(String english) {
    this.nameEn = english;
    return this;
  }

  public Long id() { return id; }
  public String code() { return code; }
  public String name() { return name; }
  public String abbreviation() { return abbreviation; }
  public String nameEn() { return nameEn; }

  /** The name an English sentence uses: the English one, or the Chinese one when none is given. */
  public String nameForEnglish() { return nameEn != null ? nameEn : name; }
  public String sealAlgorithm() { return sealAlgorithm; }

  public void useSealAlgorithm(String algorithm) {
    this.sealAlgorithm = algorithm;
  }
}
