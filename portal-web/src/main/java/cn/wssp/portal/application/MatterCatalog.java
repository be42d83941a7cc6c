package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.domain.model.Matter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads matters as published service guides. */
@ApplicationScoped
public class MatterCatalog {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  ApplicationService applications;

  public List<MatterView> all() {
    return em.createQuery("select m from Matter m order by m.code", Matter.class).getResultList()
        .stream().map(MatterCatalog::view).toList();
  }

  public MatterView one(String code) {
    return view(applications.matter(code));
  }

  public static MatterView view(Matter m) {
    return new MatterView(m.code(), m.name(), m.kind().name(), m.kind().label(),
        m.departments().stream().map(Department::name).toList(), m.timeLimitDays(), m.content(),
        m.legalBasis(), m.procedure(), m.fees(), m.version(),
        m.materials().stream().map(s -> new MatterView.MaterialView(s.code(), s.name(),
            s.required(), s.commitable(), s.acceptedTypes(), s.maxBytes(), s.maxPages())).toList());
  }
}
