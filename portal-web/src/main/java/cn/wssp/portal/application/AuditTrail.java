package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Appends to the hash-chained audit log (§3): a line is written in the caller's transaction, so
 * it exists exactly when what it records does, and linked into the chain by {@link #linkPending}
 * (every second on each instance, {@code AuditChainer}; and before the chain is checked).
 *
 * <p>Linking in the caller's transaction locked the chain's end from the line's write until the
 * commit: every write of the portal (a login, an upload, a submission, a verdict) waited for the
 * one before, and under load most of the portal's database sessions were waiting on that one row.
 * A line not linked yet is exposed to an edit for that second or so; it is linked after the
 * line linked before it, not by its id (ids are handed out before commit, so a later id may
 * commit first).
 */
@ApplicationScoped
public class AuditTrail {
  /** Lines linked per transaction: the chain's end is locked for one batch at a time. */
  public static final int LINK_BATCH = 500;

  @Inject
  AuditRepository entries;

  @Inject
  Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry record(Actor actor, Long applicationId, AuditAction action,
      ApplicationStatus from, ApplicationStatus to, String detail) {
    AuditEntry entry = new AuditEntry(Instant.now(clock), actor.username(), applicationId, action,
        from == null ? null : from.name(), to == null ? null : to.name(), detail);
    entries.add(entry);
    return entry;
  }

  /**
   * Links the lines written (and committed) since the last call into the chain, oldest first,
   * one batch of at most {@link #LINK_BATCH} in a transaction of its own with the chain's end
   * locked; returns how many it linked (another batch may wait: call again while it returns
   * the full batch).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int linkPending() {
    if (!entries.anyUnlinked()) {
      return 0; // the usual case: no lock taken
    }
    AuditRepository.ChainEnd end = entries.lockChainEnd();
    long position = end.position();
    String previous = end.hash();
    List<AuditEntry> pending = entries.unlinked(LINK_BATCH);
    for (AuditEntry e : pending) {
      e.linkAfter(++position, previous);
      previous = e.hash();
    }
    return pending.size();
  }

  public List<AuditEntry> forApplication(Long applicationId) {
    return entries.ofApplication(applicationId);
  }

  /**
   * Walks the whole chain (the lines linked so far); returns the id of the first broken entry,
   * or null if intact.
   */
  public Long firstBrokenEntry() {
    String[] prev = {AuditEntry.GENESIS};
    Long[] broken = {null};
    entries.forEach(e -> {
      if (broken[0] == null) {
        if (!e.prevHash().equals(prev[0]) || !e.hashHolds()) {
          broken[0] = e.id();
        }
        prev[0] = e.hash();
      }
    });
    return broken[0];
  }
}
