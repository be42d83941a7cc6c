package cn.wssp.portal.domain.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password set by the center admin (or later by its holder) must be: 10 to 128 characters,
 * with letters, digits and a symbol, not containing the username (case-insensitive). Plain Java:
 * the same rule for the API, the admin page and the tests.
 */
public final class PasswordRule {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  /** Why a password is refused; the admin page translates {@code password.rule.<name>}. */
  public enum Violation {
    MISSING("请填写密码。"),
    TOO_SHORT("密码至少需要 " + MIN_LENGTH + " 个字符。"),
    TOO_LONG("密码最多 " + MAX_LENGTH + " 个字符。"),
    NO_LETTER("密码须包含字母。"),
    NO_DIGIT("密码须包含数字。"),
    NO_SYMBOL("密码须包含符号（如 ! # - _ 等）。"),
    CONTAINS_USERNAME("密码不得包含用户名。");

    private final String message;

    Violation(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** A refused password, as a 400 naming the field ({@code password}). */
  public static final class Weak extends DomainException {
    private final Violation violation;

    Weak(Violation violation) {
      super("INVALID_INPUT", 400, "密码（password）不符合要求：" + violation.message());
      this.violation = violation;
    }

    public Violation violation() {
      return violation;
    }
  }

  private PasswordRule() {}

  /** The first rule the password breaks, if any. */
  public static Optional<Violation> check(String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of(Violation.MISSING);
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(Violation.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      return Optional.of(Violation.TOO_LONG);
    }
    if (password.codePoints().noneMatch(Character::isLetter)) {
      return Optional.of(Violation.NO_LETTER);
    }
    if (password.codePoints().noneMatch(Character::isDigit)) {
      return Optional.of(Violation.NO_DIGIT);
    }
    if (password.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c))) {
      return Optional.of(Violation.NO_SYMBOL);
    }
    if (username != null && !username.isBlank()
        && password.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT))) {
      return Optional.of(Violation.CONTAINS_USERNAME);
    }
    return Optional.empty();
  }

  /** @throws Weak (400 INVALID_INPUT, naming {@code password}) when a rule is broken */
  public static void require(String username, String password) {
    Optional<Violation> v = check(username, password);
    if (v.isPresent()) {
      throw new Weak(v.get());
    }
  }
}
