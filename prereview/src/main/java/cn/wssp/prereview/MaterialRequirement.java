package cn.wssp.prereview;

import java.util.List;

/**
 * One required material of a matter, as the pre-review judges it (§2).
 *
 * @param code stable code, e.g. "business-license"
 * @param name Chinese name shown to applicants, e.g. "营业执照副本"
 * @param required mandatory for acceptance
 * @param commitable may be pending under a commitment (容缺)
 * @param acceptedTypes accepted media types, e.g. "application/pdf", "image/jpeg"
 * @param maxBytes largest accepted file, in bytes
 * @param maxPages most pages accepted (0 = no limit)
 * @param form a form the applicant fills in (申请书, 申请表): the guide offers its blank
 * @param nameEn the name on the English pages, e.g. "Business licence (duplicate)"; null: none
 *     given, the English pages show the Chinese name
 */
public record MaterialRequirement(
    String code,
    String name,
    boolean required,
    boolean commitable,
    List<String> acceptedTypes,
    long maxBytes,
    int maxPages,
    boolean form,
    String nameEn) {

  /** A material without an English name. */
  public MaterialRequirement(String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages, boolean form) {
    this(code, name, required, commitable, acceptedTypes, maxBytes, maxPages, form, null);
  }

  /** A material that is no form (a licence, an ID card, a plan). */
  public MaterialRequirement(String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages) {
    this(code, name, required, commitable, acceptedTypes, maxBytes, maxPages, false);
  }
}
