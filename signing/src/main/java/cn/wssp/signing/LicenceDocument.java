package cn.wssp.signing;

import java.time.LocalDate;

/**
 * The content of one 电子证照: the licence issued next to an approval decision, in plain values.
 *
 * @param title the licence's name, e.g. "食品经营许可证"
 * @param licenceNumber 证照编号, e.g. "市监证字〔2026〕第000001号"
 * @param holder 持证主体, the enterprise
 * @param holderCode its unified social credit code (may be null)
 * @param matterName 许可事项, the matter approved
 * @param scope 许可内容, what the approval allows
 * @param validFrom first day of validity
 * @param validUntil last day of validity
 * @param issuer 发证机关: the issuing department(s), printed above the date and seals
 * @param issueDate 发证日期
 * @param basis 依据: the number of the approval decision the licence rests on
 * @param verificationCode a short code that, with the number, lets anyone verify it
 * @param verificationUrl the public verification page for this licence (encoded in a QR code)
 * @param sealSlots how many visible seal places to reserve (one per issuing department)
 */
public record LicenceDocument(
    String title,
    String licenceNumber,
    String holder,
    String holderCode,
    String matterName,
    String scope,
    LocalDate validFrom,
    LocalDate validUntil,
    String issuer,
    LocalDate issueDate,
    String basis,
    String verificationCode,
    String verificationUrl,
    int sealSlots) {}
