package cn.wssp.prereview;

/**
 * One rule of the pre-review (step three, judge). The reviewer runs its checks in order for every
 * material of the matter: once per submitted file, or once with no file when none was submitted.
 * A check reports through the context and may stop the remaining checks for that file.
 *
 * <p>Checks are small, stateless and thread-safe. New rules (keywords, credit-code check digits,
 * expiry dates, ...) are added as further checks in the list given to {@link PreReviewer}, without
 * touching the reviewer.
 */
@FunctionalInterface
public interface MaterialCheck {
  void check(CheckContext ctx);
}
