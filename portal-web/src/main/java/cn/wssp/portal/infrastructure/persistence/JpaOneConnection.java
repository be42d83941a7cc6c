package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.application.OneConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * EclipseLink reads through connections of their own, one per query, until a transaction first
 * writes; join-existing makes this transaction's persistence context read through the
 * transaction's connection from the start. Set per transaction, never unit-wide (InTransaction).
 */
@ApplicationScoped
public class JpaOneConnection implements OneConnection {
  /** EclipseLink's name for it; the value must be the String "true" (a Boolean throws). */
  static final String JOIN_EXISTING = "eclipselink.transaction.join-existing";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public void forTheCurrentTransaction() {
    em.setProperty(JOIN_EXISTING, "true");
  }
}
