package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 失信名单 (CENTER_ADMIN, admin/dishonest): enterprises refused the commitment procedure. Adding
 * and removing are audited; {@link ApplicationService#signCommitment} asks {@link #refusalFor}.
 */
@ApplicationScoped
public class DishonestList {
  @Inject
  DishonestRepository list;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  public List<DishonestEnterprise> all(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看失信名单");
    return list.all();
  }

  /** Lists an enterprise (the date defaults to today); listing it twice is a 409. */
  @Transactional
  public DishonestEnterprise add(Actor actor, String creditCode, String reason, LocalDate date) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "列入失信名单");
    DishonestEnterprise entry = new DishonestEnterprise(creditCode, reason,
        date == null ? LocalDate.now(clock) : date, actor.username(), Instant.now(clock));
    if (list.find(entry.creditCode()).isPresent()) {
      throw DomainException.conflict("统一社会信用代码 " + entry.creditCode() + " 已在失信名单中。")
          .inEnglish("The unified social credit code " + entry.creditCode()
              + " is already on the list of dishonest enterprises.");
    }
    list.add(entry);
    audit.record(actor, null, AuditAction.DISHONEST_LISTED, null, null,
        entry.creditCode() + " " + entry.listedOn() + "：" + entry.reason());
    return entry;
  }

  @Transactional
  public void remove(Actor actor, String creditCode) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "移出失信名单");
    String code = creditCode == null ? "" : creditCode.trim().toUpperCase(Locale.ROOT);
    DishonestEnterprise entry = list.find(code).orElseThrow(() -> new DomainException("NOT_FOUND",
        404, "统一社会信用代码 " + (code.length() > 18 ? code.substring(0, 18) + "…" : code)
            + " 不在失信名单中。")
        .inEnglish("The unified social credit code "
            + (code.length() > 18 ? code.substring(0, 18) + "…" : code)
            + " is not on the list of dishonest enterprises."));
    list.remove(entry.creditCode());
    audit.record(actor, null, AuditAction.DISHONEST_REMOVED, null, null,
        entry.creditCode() + "（原列入原因：" + entry.reason() + "）");
  }

  /** Why this enterprise may not sign a commitment, if it is on the list. */
  public Optional<String> refusalFor(Enterprise enterprise) {
    return entryFor(enterprise).map(DishonestEnterprise::commitmentRefusal);
  }

  /** The enterprise's entry on the list, if it is listed. */
  public Optional<DishonestEnterprise> entryFor(Enterprise enterprise) {
    return enterprise == null ? Optional.empty() : list.find(enterprise.creditCode());
  }
}
