package cn.wssp.portal.application;

import java.util.List;

/**
 * A matter's service guide with the six disclosures (六公开), as published without login;
 * {@code licenceName} and {@code licenceYears}: the licence an approval grants (null: none);
 * {@code nameEn}: the name on the English pages (null: none given).
 */
public record MatterView(
    String code,
    String name,
    String nameEn,
    String kind,
    String kindLabel,
    List<String> departments,
    int timeLimitWorkingDays,
    String content,
    String conditions,
    String legalBasis,
    String procedure,
    String fees,
    int version,
    List<MaterialView> materials,
    boolean deemedApprovalOnTimeout,
    String licenceName,
    Integer licenceYears) {

  /**
   * {@code blankForm}: a form to fill in, whose blank the guide offers (BlankForms); {@code
   * nameEn}: the name on the English pages, as the rule set gives it (null: none).
   */
  public record MaterialView(String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages, boolean blankForm, String nameEn) {}
}
