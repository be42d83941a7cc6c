package cn.wssp.portal.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * SELECT … FOR UPDATE of one row without losing this transaction's own changes. EclipseLink
 * refreshes an entity it locks from the row it read: a change of the same transaction not yet
 * written (the status a use case just moved) would silently go back. The changes are therefore
 * written first. (Until the audit lines stopped locking the chain, the chain's query flushed
 * them as a side effect, and a 上报件's answer lost its status here once that was gone.)
 */
final class RowLocks {
  private RowLocks() {}

  static <T> T find(EntityManager em, Class<T> type, Object id) {
    em.flush();
    return em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
  }

  static void lock(EntityManager em, Object entity) {
    em.flush();
    em.lock(entity, LockModeType.PESSIMISTIC_WRITE);
  }
}
