package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaDepartmentReviewRepository implements DepartmentReviewRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public List<DepartmentDecision> decisions(Long applicationId) {
    return em.createQuery("select d from DepartmentDecision d where d.applicationId = :a"
            + " order by d.decidedAt, d.id", DepartmentDecision.class)
        .setParameter("a", applicationId).getResultList();
  }

  @Override
  public List<DepartmentDecision> decisionsForUpdate(Long applicationId) {
    Application app = em.find(Application.class, applicationId);
    if (app != null) {
      // SELECT … FOR UPDATE on the application row: the second of two racing deciders waits.
      RowLocks.lock(em, app);
    }
    return decisions(applicationId);
  }

  @Override
  public void addDecision(DepartmentDecision decision) {
    em.persist(decision);
    em.flush();
  }

  @Override
  public List<ReviewOpinion> opinions(Long applicationId) {
    return em.createQuery("select o from ReviewOpinion o where o.applicationId = :a"
            + " order by o.givenAt, o.id", ReviewOpinion.class)
        .setParameter("a", applicationId).getResultList();
  }

  @Override
  public void addOpinion(ReviewOpinion opinion) {
    em.persist(opinion);
    em.flush();
  }
}
