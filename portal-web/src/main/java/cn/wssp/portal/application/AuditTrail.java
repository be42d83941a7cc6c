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

/** Appends to the hash-chained audit log (§3), inside the caller's transaction. */
@ApplicationScoped
public class AuditTrail {
  @Inject
  AuditRepository entries;

  @Inject
  Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry record(Actor actor, Long applicationId, AuditAction action,
      ApplicationStatus from, ApplicationStatus to, String detail) {
    String prev = entries.lockAndGetLastHash();
    AuditEntry entry = new AuditEntry(Instant.now(clock), actor.username(), applicationId, action,
        from == null ? null : from.name(), to == null ? null : to.name(), detail, prev);
    entries.add(entry);
    return entry;
  }

  public List<AuditEntry> forApplication(Long applicationId) {
    return entries.ofApplication(applicationId);
  }

  /** Walks the whole chain; returns the id of the first broken entry, or null if intact. */
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
