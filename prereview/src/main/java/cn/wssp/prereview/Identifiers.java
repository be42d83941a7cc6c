package cn.wssp.prereview;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Check digits of Chinese identifiers. */
final class Identifiers {
  /** GB 32100-2015: the 31 characters of a unified social credit code, by value. */
  private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS =
      {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  /** GB 11643-1999 (ISO 7064 MOD 11-2). */
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private Identifiers() {}

  /** Whether an 18-character code has only allowed characters and the right check digit. */
  static boolean validCreditCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 18; i++) {
      int v = CREDIT_CHARS.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      if (i < 17) {
        sum += v * CREDIT_WEIGHTS[i];
      }
    }
    int check = 31 - sum % 31;
    return CREDIT_CHARS.charAt(check == 31 ? 0 : check) == code.charAt(17);
  }

  /** Why an 18-character resident ID number is invalid (Chinese), or null when it is valid. */
  static String idNumberProblem(String id, LocalDate today) {
    if (id == null || !id.matches("\\d{17}[\\dX]")) {
      return "应为 17 位数字加 1 位数字或 X";
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    if (ID_CHECK.charAt(sum % 11) != id.charAt(17)) {
      return "校验码不正确";
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return "出生日期 " + id.substring(6, 14) + " 不是有效日期";
    }
    if (birth.isAfter(today)) {
      return "出生日期在今天之后";
    }
    if (birth.isBefore(today.minusYears(130))) {
      return "出生日期早于 130 年前";
    }
    return null;
  }
}
