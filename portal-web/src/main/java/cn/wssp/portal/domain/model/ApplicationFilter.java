package cn.wssp.portal.domain.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What a paged list of applications is narrowed to (我的办件's filters); every part may be null
 * (or empty) for "any". {@code submittedTo} is exclusive; {@code numberContains} matches the
 * application number (申请号) in any case. Sorted by submission time, drafts (never submitted)
 * last whichever way.
 */
public record ApplicationFilter(Set<ApplicationStatus> statuses, Long enterpriseId,
    String matterCode, Instant submittedFrom, Instant submittedTo, String numberContains,
    boolean oldestFirst) {

  public ApplicationFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    matterCode = matterCode == null || matterCode.isBlank() ? null : matterCode.trim();
    numberContains = numberContains == null || numberContains.isBlank() ? null
        : numberContains.trim().toUpperCase(Locale.ROOT);
  }

  /** Only this enterprise's applications (an applicant's list is always narrowed so). */
  public ApplicationFilter ofEnterprise(Long id) {
    return new ApplicationFilter(statuses, id, matterCode, submittedFrom, submittedTo,
        numberContains, oldestFirst);
  }

  /** Whether an application passes this filter: the rule in memory, as the query applies it. */
  public boolean matches(Application a) {
    return (statuses.isEmpty() || statuses.contains(a.status()))
        && (enterpriseId == null || enterpriseId.equals(a.enterprise().id()))
        && (matterCode == null || matterCode.equals(a.matter().code()))
        && (submittedFrom == null || a.submittedAt() != null && !a.submittedAt().isBefore(submittedFrom))
        && (submittedTo == null || a.submittedAt() != null && a.submittedAt().isBefore(submittedTo))
        && (numberContains == null || a.number().toUpperCase(Locale.ROOT).contains(numberContains));
  }
}
