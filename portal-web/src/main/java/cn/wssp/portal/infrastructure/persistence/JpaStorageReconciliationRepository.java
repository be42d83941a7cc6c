package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.storage.StorageReconciliation;
import cn.wssp.portal.domain.storage.StorageReconciliationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

@ApplicationScoped
public class JpaStorageReconciliationRepository implements StorageReconciliationRepository {
  private static final int KEEP = 100;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public StorageReconciliation add(StorageReconciliation run) {
    em.persist(run);
    em.flush();
    em.createQuery("delete from StorageReconciliation r where r.id <= :oldest")
        .setParameter("oldest", run.id() - KEEP).executeUpdate();
    return run;
  }

  @Override
  @Transactional
  public Optional<StorageReconciliation> last() {
    return em.createQuery("select r from StorageReconciliation r order by r.id desc",
        StorageReconciliation.class).setMaxResults(1).getResultList().stream().findFirst();
  }
}
