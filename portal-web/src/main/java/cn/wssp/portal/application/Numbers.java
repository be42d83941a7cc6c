package cn.wssp.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import jakarta.inject.Inject;

/**
 * Application and document numbers from database sequences (safe with several instances), and
 * verification codes. Numbers are ASCII so they fit URLs: SQ2026000001, ZY2026000001.
 */
@ApplicationScoped
public class Numbers {
  /** No 0/O, 1/I/L: a code read off paper must not be ambiguous. */
  private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public String next(String prefix) {
    int year = LocalDate.now(clock).getYear();
    long value = nextValue(prefix + year);
    return String.format("%s%d%06d", prefix, year, value);
  }

  /** Takes the row lock of a named sequence and returns its next value. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long nextValue(String name) {
    lock(name);
    long value = ((Number) em.createNativeQuery(
            "SELECT next_value FROM number_sequence WHERE name = ?1")
        .setParameter(1, name).getSingleResult()).longValue();
    em.createNativeQuery("UPDATE number_sequence SET next_value = next_value + 1 WHERE name = ?1")
        .setParameter(1, name).executeUpdate();
    return value;
  }

  /**
   * Locks (creating if needed) the row of a named sequence until the transaction ends. Two
   * instances creating the same new row at once: one fails on the key and its request is retried
   * by the user; it happens once per sequence and year.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(String name) {
    int updated = em.createNativeQuery(
            "UPDATE number_sequence SET next_value = next_value WHERE name = ?1")
        .setParameter(1, name).executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("INSERT INTO number_sequence(name, next_value) VALUES (?1, 1)")
          .setParameter(1, name).executeUpdate();
    }
  }

  public static String verificationCode() {
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return sb.toString();
  }
}
