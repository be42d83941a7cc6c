package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.domain.service.Seals;
import cn.wssp.signing.SealInfo;
import cn.wssp.signing.SigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The center administrator's view of the seal certificates (CENTER_ADMIN): list them, and revoke
 * one whose key is lost or compromised. A revoked seal signs nothing more; its holder gets a new
 * key and certificate at once, so the window and the departments keep working.
 */
@ApplicationScoped
public class SealAdministration {
  @Inject
  Seals seals;

  @Inject
  AuditTrail audit;

  public List<SealInfo> list(Actor actor) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "查看印章证书");
    try {
      return seals.list();
    } catch (SigningException e) {
      throw unavailable(e);
    }
  }

  @Transactional
  public SealInfo revoke(Actor actor, String id) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "吊销印章证书");
    SealInfo revoked;
    try {
      revoked = seals.revoke(id);
    } catch (SigningException e) {
      throw unavailable(e);
    }
    if (revoked == null) {
      throw DomainException.notFound("印章证书（id）");
    }
    audit.record(actor, null, AuditAction.SEAL_REVOKED, null, null,
        revoked.holderName() + " " + revoked.title() + "，序列号 " + revoked.serialNumber());
    return revoked;
  }

  private static DomainException unavailable(SigningException e) {
    return new DomainException("SIGNING_FAILED", 500, "印章服务不可用：" + e.getMessage());
  }
}
