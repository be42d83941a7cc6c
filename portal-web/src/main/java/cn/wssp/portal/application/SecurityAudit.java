package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Audit entries about refusals (ACCESS_DENIED, SIGNING_REFUSED, LOGIN_FAILED), written in a
 * transaction of their own: the refusal rolls back the request's transaction, its record must
 * stay (ASVS V7.2).
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
