package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An enterprise on the center's 失信名单: it may still apply, but not on a commitment
 * (告知承诺制, §5) — it hands in every material.
 */
@Entity
@Table(name = "dishonest_enterprise")
public class DishonestEnterprise {
  @Id
  @Column(name = "credit_code")
  private String creditCode;

  private String reason;

  @Column(name = "listed_on")
  private LocalDate listedOn;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected DishonestEnterprise() {}

  /** Refuses an invalid credit code or a missing reason, naming the field. */
  public DishonestEnterprise(String creditCode, String reason, LocalDate listedOn,
      String recordedBy, Instant now) {
    String code = creditCode == null ? "" : creditCode.trim().toUpperCase(java.util.Locale.ROOT);
    if (!CreditCode.isValid(code)) {
      throw DomainException.invalid("统一社会信用代码（creditCode）「" + code
          + "」无效：须为 18 位且校验码正确（GB 32100-2015）。")
          .inEnglish("The unified social credit code (creditCode) \"" + code + "\" is not valid:"
              + " it must have 18 characters and a correct check digit (GB 32100-2015).");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("请填写列入失信名单的原因（reason）。")
          .inEnglish("Give the reason for listing the enterprise as dishonest (reason).");
    }
    if (listedOn == null) {
      throw DomainException.invalid("请填写列入日期（date，格式 YYYY-MM-DD）。")
          .inEnglish("Give the date of listing (date, as YYYY-MM-DD).");
    }
    this.creditCode = code;
    this.reason = reason.trim().length() > 500 ? reason.trim().substring(0, 500) : reason.trim();
    this.listedOn = listedOn;
    this.recordedBy = recordedBy;
    this.recordedAt = now;
  }

  /** Why this enterprise's commitment is refused, in the words the applicant reads. */
  public String commitmentRefusal() {
    return OfficialTexts.dishonestCommitmentRefusal(reason);
  }

  /** The refusal of this enterprise's commitment (告知承诺制), in both languages. */
  public DomainException commitmentRefused() {
    return new DomainException("DISHONEST_ENTERPRISE", 403, commitmentRefusal())
        .inEnglish("Your enterprise is on the list of dishonest enterprises (reason: " + reason
            + "), so it cannot apply on a commitment: please hand in all the materials and then"
            + " submit.");
  }

  public String creditCode() { return creditCode; }
  public String reason() { return reason; }
  public LocalDate listedOn() { return listedOn; }
  public String recordedBy() { return recordedBy; }
  public Instant recordedAt() { return recordedAt; }
}
