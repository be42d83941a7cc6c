package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.DishonestEnterprise;
import cn.wssp.portal.domain.model.DishonestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDishonestRepository implements DishonestRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<DishonestEnterprise> find(String creditCode) {
    return creditCode == null ? Optional.empty()
        : Optional.ofNullable(em.find(DishonestEnterprise.class, creditCode));
  }

  @Override
  public List<DishonestEnterprise> all() {
    return em.createQuery("select d from DishonestEnterprise d"
        + " order by d.listedOn desc, d.recordedAt desc", DishonestEnterprise.class).getResultList();
  }

  @Override
  public void add(DishonestEnterprise entry) {
    em.persist(entry);
    em.flush();
  }

  @Override
  public boolean remove(String creditCode) {
    return find(creditCode).map(d -> {
      em.remove(d);
      return true;
    }).orElse(false);
  }
}
