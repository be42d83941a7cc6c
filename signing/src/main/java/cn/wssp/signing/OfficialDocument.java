package cn.wssp.signing;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of one official document (a notice or a decision, §3/§6), in plain values.
 *
 * @param title e.g. "准予行政许可决定书"
 * @param documentNumber e.g. "市监许准字〔2026〕第000001号"
 * @param addressee the applicant enterprise, e.g. "演示科技有限公司"
 * @param addresseeCode its unified social credit code (may be null)
 * @param paragraphs the body, one string per paragraph, in order
 * @param issuer the issuing department or the center, printed above the date and seal
 * @param issueDate the date printed on the document
 * @param verificationCode a short code that, with the number, lets anyone verify it
 * @param verificationUrl the public verification page for this document (encoded in a QR code)
 * @param sealSlots how many visible seal places to reserve (0 for an unsigned notice, one per
 *     department for a joint decision)
 */
public record OfficialDocument(
    String title,
    String documentNumber,
    String addressee,
    String addresseeCode,
    List<String> paragraphs,
    String issuer,
    LocalDate issueDate,
    String verificationCode,
    String verificationUrl,
    int sealSlots) {}
