package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.Matter;
import cn.wssp.portal.domain.model.MatterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMatterRepository implements MatterRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<Matter> byCode(String code) {
    return em.createQuery("select m from Matter m where m.code = :c", Matter.class)
        .setParameter("c", code).getResultList().stream().findFirst();
  }

  @Override
  public Department add(Department department) {
    em.persist(department);
    em.flush();
    return department;
  }

  @Override
  public Matter add(Matter matter) {
    em.persist(matter);
    em.flush();
    return matter;
  }

  @Override
  public java.util.Map<String, String> englishNames() {
    return names("select m.code, m.nameEn from Matter m where m.nameEn is not null",
        row -> (String) row[0]);
  }

  @Override
  public java.util.Map<String, String> departmentEnglishNames() {
    return names("select d.name, d.nameEn from Department d where d.nameEn is not null",
        row -> (String) row[0]);
  }

  @Override
  public java.util.Map<String, String> materialEnglishNames() {
    return names("select s.code, s.name, s.nameEn from MaterialSpec s where s.nameEn is not null",
        row -> MatterRepository.materialKey((String) row[0], (String) row[1]));
  }

  /** The rows of a query whose last column is a name in English, by the key made of each row. */
  private java.util.Map<String, String> names(String jpql,
      java.util.function.Function<Object[], String> key) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
      names.put(key.apply(row), (String) row[row.length - 1]);
    }
    return names;
  }

  @Override
  public List<Matter> all() {
    return em.createQuery("select m from Matter m order by m.code", Matter.class).getResultList();
  }

  @Override
  public List<Department> departments() {
    return em.createQuery("select d from Department d order by d.id", Department.class)
        .getResultList();
  }
}
