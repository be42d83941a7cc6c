package cn.wssp.portal.it;

/** An independent GB 32100-2015 check, written from the standard, not from the portal's code. */
final class CreditCodeCheck {
  private CreditCodeCheck() {}

  static boolean valid(String code) {
    String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += chars.indexOf(code.charAt(i)) * w[i];
    }
    return chars.charAt((31 - sum % 31) % 31) == code.charAt(17);
  }
}
