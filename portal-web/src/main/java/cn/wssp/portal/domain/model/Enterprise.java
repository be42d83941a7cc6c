package cn.wssp.portal.domain.model;

import jakarta.persistence.*;

/** An applicant enterprise, identified by its unified social credit code (统一社会信用代码). */
@Entity
@Table(name = "enterprise")
public class Enterprise {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @Column(name = "credit_code")
  private String creditCode;

  protected Enterprise() {}

  public Enterprise(String name, String creditCode) {
    if (!CreditCode.isValid(creditCode)) {
      throw DomainException.invalid("统一社会信用代码「" + creditCode + "」校验位不正确。")
          .inEnglish("The unified social credit code \"" + creditCode
              + "\" has a wrong check digit.");
    }
    this.name = name;
    this.creditCode = creditCode;
  }

  public Long id() { return id; }
  public String name() { return name; }
  public String creditCode() { return creditCode; }
}
