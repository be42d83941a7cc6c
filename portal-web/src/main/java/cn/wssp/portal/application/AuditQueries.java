package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Reading the audit trail (§3, API.md): an application's own trail for whoever may see the
 * application, the portal-wide log and its hash-chain check for electronic supervision.
 */
@ApplicationScoped
public class AuditQueries {
  static final int MAX_PAGE_SIZE = 200;

  @Inject
  ApplicationService applications;

  @Inject
  AuditRepository entries;

  @Inject
  AuditTrail trail;

  /** One line of the trail as the API shows it. */
  public record Line(Instant at, String actor, AuditAction action, String actionLabel,
      String detail, Long applicationId, String from, String to) {
    static Line of(AuditEntry e) {
      return new Line(e.at(), e.actor(), e.action(), e.action().label(), e.detail(),
          e.applicationId(), e.fromStatus(), e.toStatus());
    }
  }

  /** The result of walking the chain end to end. */
  public record ChainCheck(long entries, boolean intact, Long firstBroken) {}

  /** An application's trail, oldest first. */
  public List<Line> ofApplication(Actor actor, Long applicationId) {
    Application app = applications.visible(actor, applicationId);
    return entries.ofApplication(app.id()).stream().map(Line::of).toList();
  }

  /** The portal-wide log, newest first; page counts from 0. */
  public List<Line> search(Actor actor, AuditSearch search, int page, int size) {
    if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.CENTER_ADMIN)) {
      throw DomainException.forbidden("只有电子监察和中心管理员可以查阅全部审计记录。")
          .inEnglish("Only supervisors and center administrators can read the whole audit log.");
    }
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw DomainException.invalid("分页参数无效：page 从 0 开始，size 为 1 到 " + MAX_PAGE_SIZE + "。")
          .inEnglish("Wrong paging: page counts from 0, and size is 1 to " + MAX_PAGE_SIZE + ".");
    }
    return entries.search(search, page * size, size).stream().map(Line::of).toList();
  }

  public long count(AuditSearch search) {
    return entries.count(search);
  }

  /** The hash chain checked end to end (电子监察 only). */
  public ChainCheck verify(Actor actor) {
    AccessPolicy.requireRole(actor, Role.SUPERVISOR, "核验审计日志");
    while (trail.linkPending() == AuditTrail.LINK_BATCH) {
      // every line committed so far is linked before the check (the last second's too)
    }
    long[] count = {0};
    entries.forEach(e -> count[0]++);
    Long broken = trail.firstBrokenEntry();
    return new ChainCheck(count[0], broken == null, broken);
  }
}
