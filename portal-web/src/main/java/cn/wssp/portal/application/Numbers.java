package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.NumberSequence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Application and document numbers from shared sequences (safe with several instances), and
 * verification codes. Numbers are ASCII so they fit URLs: SQ2026000001, ZY2026000001.
 */
@ApplicationScoped
public class Numbers {
  /** No 0/O, 1/I/L: a code read off paper must not be ambiguous. */
  private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  NumberSequence sequences;

  @Inject
  Clock clock;

  /** The next number of a series for this year: prefix, year, six digits. */
  @Transactional(Transactional.TxType.MANDATORY)
  public String next(String prefix) {
    int year = LocalDate.now(clock).getYear();
    return String.format("%s%d%06d", prefix, year, sequences.next(prefix + year));
  }

  /** Length of new verification codes: 31^12 ≈ 8·10^17 (documents issued before kept 8). */
  static final int CODE_LENGTH = 12;

  public static String verificationCode() {
    return randomCode(CODE_LENGTH);
  }

  /** Length of 办件查询码 (tracking codes): 31^8 ≈ 8.5·10^11, guessing is throttled per address. */
  static final int TRACKING_CODE_LENGTH = 8;

  /** A new 办件查询码, from the same unambiguous alphabet. */
  public static String trackingCode() {
    return randomCode(TRACKING_CODE_LENGTH);
  }

  private static String randomCode(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return sb.toString();
  }
}
