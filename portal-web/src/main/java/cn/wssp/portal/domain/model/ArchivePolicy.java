package cn.wssp.portal.domain.model;

import java.time.Duration;

/**
 * When issued documents get an archive timestamp (PAdES B-LTA, configuration): once the
 * certificates of a document's newest timestamp expire within {@code horizon}
 * (PORTAL_LTA_HORIZON_DAYS, default 365 days).
 */
public record ArchivePolicy(Duration horizon) {
  public static ArchivePolicy standard() {
    return new ArchivePolicy(Duration.ofDays(365));
  }
}
