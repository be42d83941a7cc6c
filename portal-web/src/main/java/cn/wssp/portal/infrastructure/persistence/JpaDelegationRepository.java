package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.Delegation;
import cn.wssp.portal.domain.model.DelegationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDelegationRepository implements DelegationRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Delegation add(Delegation delegation) {
    em.persist(delegation);
    em.flush();
    return delegation;
  }

  @Override
  public List<Delegation> all() {
    return em.createQuery("select d from Delegation d order by d.id desc", Delegation.class)
        .getResultList();
  }

  @Override
  public List<Delegation> ofDepartment(Long departmentId) {
    return em.createQuery("select d from Delegation d where d.departmentId = :dep order by d.id",
            Delegation.class)
        .setParameter("dep", departmentId).getResultList();
  }

  @Override
  public Optional<Delegation> byLetter(Long documentId) {
    return em.createQuery("select d from Delegation d where d.letterDocumentId = :doc",
            Delegation.class)
        .setParameter("doc", documentId).getResultList().stream().findFirst();
  }
}
