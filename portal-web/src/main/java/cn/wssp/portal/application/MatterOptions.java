package cn.wssp.portal.application;

/**
 * The center's options of a matter, each left as it is when null: {@code deemedApprovalOnTimeout}
 * (超时默许), and the licence an approval grants — {@code licenceName} (blank: none) valid
 * {@code licenceYears} years, and {@code nameEn}, the name on the English pages (blank: none).
 */
public record MatterOptions(Boolean deemedApprovalOnTimeout, String licenceName,
    Integer licenceYears, String nameEn) {
  public MatterOptions(Boolean deemedApprovalOnTimeout, String licenceName, Integer licenceYears) {
    this(deemedApprovalOnTimeout, licenceName, licenceYears, null);
  }

  public static MatterOptions deemedApproval(boolean on) {
    return new MatterOptions(on, null, null);
  }

  boolean isEmpty() {
    return deemedApprovalOnTimeout == null && licenceName == null && licenceYears == null
        && nameEn == null;
  }
}
