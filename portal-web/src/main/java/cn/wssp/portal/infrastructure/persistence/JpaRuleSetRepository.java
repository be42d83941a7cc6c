package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.PublishedRules;
import cn.wssp.portal.domain.model.RuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaRuleSetRepository implements RuleSetRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<PublishedRules> inForce(Long matterId) {
    return em.createQuery("select r from PublishedRules r where r.matterId = :m"
            + " order by r.version desc", PublishedRules.class)
        .setParameter("m", matterId).setMaxResults(1).getResultList().stream().findFirst();
  }

  @Override
  public Optional<PublishedRules> version(Long matterId, int version) {
    return em.createQuery("select r from PublishedRules r where r.matterId = :m"
            + " and r.version = :v", PublishedRules.class)
        .setParameter("m", matterId).setParameter("v", version)
        .getResultList().stream().findFirst();
  }

  @Override
  public void add(PublishedRules rules) {
    em.persist(rules);
  }
}
