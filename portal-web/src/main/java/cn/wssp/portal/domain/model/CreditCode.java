package cn.wssp.portal.domain.model;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z); the last is a check character over the first 17.
 */
public final class CreditCode {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    try {
      return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The check character for the first 17 characters. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("需要 17 位本体代码");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("统一社会信用代码含非法字符：" + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return ALPHABET.charAt(check);
  }

  /** Appends the check character: for demo data and tests. */
  public static String complete(String first17) {
    return first17 + checkCharacter(first17);
  }
}
