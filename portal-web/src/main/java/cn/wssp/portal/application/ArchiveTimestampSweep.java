package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.ArchivePolicy;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 长期验证 (PAdES B-LTA): every issued document whose newest timestamp's certificates expire
 * within the horizon ({@code PORTAL_LTA_HORIZON_DAYS}, 365 by default) gets an archive
 * timestamp, stored as a new version of its PDF, each in a transaction of its own
 * ({@link ArchiveTimestampStep}). Documents of older versions without a recorded due date are
 * looked at once and get one.
 */
@ApplicationScoped
public class ArchiveTimestampSweep implements Sweep {
  private static final Logger LOG = Logger.getLogger(ArchiveTimestampSweep.class.getName());
  /** Per run: the PDFs are read from the store, so a backlog is worked off over several runs. */
  static final int BATCH = 50;

  @Inject
  DocumentRepository documents;

  @Inject
  ArchiveTimestampStep step;

  @Inject
  ArchivePolicy policy;

  @Inject
  Clock clock;

  @Override
  public String name() {
    return "archiveTimestamped";
  }

  @Override
  public int run() {
    Instant dueBy = Instant.now(clock).plus(policy.horizon());
    List<Long> ids = documents.archiveRenewalsDue(dueBy, BATCH);
    int extended = 0;
    for (Long id : ids) {
      try {
        extended += step.renewIfDue(id, dueBy) ? 1 : 0;
      } catch (RuntimeException e) {
        // The TSA or the store is down, or another instance extended it first: next sweep.
        LOG.log(Level.INFO, "文书长期验证续期未完成（下次巡检重试）：文书 #" + id + "：" + e.getMessage());
      }
    }
    return extended;
  }
}
