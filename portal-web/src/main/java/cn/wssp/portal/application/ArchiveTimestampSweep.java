package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.ArchivePolicy;
import cn.wssp.portal.domain.model.DocumentRepository;
import cn.wssp.portal.domain.model.Sweep;
import cn.wssp.portal.domain.service.Seals;
import cn.wssp.signing.SigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 长期验证 (PAdES B-LTA): the timestamping unit's certificate is renewed once it ends within the
 * horizon ({@code PORTAL_LTA_HORIZON_DAYS}, 365 by default); then every issued document whose
 * newest timestamp's certificates expire within the horizon gets an archive timestamp, stored as a new version of its PDF, each in a transaction of its own
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
  Seals seals;

  @Inject
  Clock clock;

  @Override
  public String name() {
    return "archiveTimestamped";
  }

  @Override
  public int run() {
    Instant dueBy = Instant.now(clock).plus(policy.horizon());
    Instant tsaExpiry;
    try {
      // First the unit itself: renewed once its certificate ends within the horizon, so the
      // archive timestamps below (and every new signature's) outlive the evidence they renew.
      tsaExpiry = seals.renewTimestampUnitIfEndsBefore(dueBy);
    } catch (SigningException e) {
      LOG.warning("文书长期验证续期未完成（时间戳服务不可用，下次巡检重试）：" + e.getMessage());
      return 0;
    }
    List<Long> ids = documents.archiveRenewalsDue(dueBy, BATCH);
    if (ids.isEmpty()) {
      return 0;
    }
    int extended = 0;
    int useless = 0;
    for (Long id : ids) {
      try {
        ArchiveTimestampStep.Outcome outcome = step.renewIfDue(id, dueBy, tsaExpiry);
        extended += outcome == ArchiveTimestampStep.Outcome.EXTENDED ? 1 : 0;
        useless += outcome == ArchiveTimestampStep.Outcome.TSA_EXPIRES_FIRST ? 1 : 0;
      } catch (RuntimeException e) {
        // The TSA or the store is down, or another instance extended it first: next sweep.
        LOG.log(Level.INFO, "文书长期验证续期未完成（下次巡检重试）：文书 #" + id + "：" + e.getMessage());
      }
    }
    if (useless > 0) {
      // A new timestamp by a unit whose certificate expires no later than the document's
      // evidence would gain nothing: its certificate must be renewed first.
      // The unit was renewed above if it could be: only the issuing CA's own end can stop it.
      LOG.warning(useless + " 份文书的时间戳证书将在 " + policy.horizon().toDays()
          + " 天内到期，但时间戳服务证书（" + tsaExpiry + " 到期）无法更晚：签发 CA 证书即将到期，"
          + "请更新签发 CA（见 README「证书与密钥」）。");
    }
    return extended;
  }
}
