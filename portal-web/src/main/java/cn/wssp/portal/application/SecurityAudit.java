package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Audit entries written in a transaction of their own: refusals (ACCESS_DENIED, SIGNING_REFUSED,
 * LOGIN_FAILED), whose request's transaction rolls back while their record must stay (ASVS V7.2),
 * and events with no transaction of their own (the test clock moved).
 */
@ApplicationScoped
public class SecurityAudit {
  @Inject
  AuditTrail audit;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refused(Actor actor, Long applicationId, AuditAction action, String detail) {
    audit.record(actor, applicationId, action, null, null, detail);
  }
}
