package cn.wssp.portal.infrastructure;

import cn.wssp.portal.domain.model.Department;
import cn.wssp.signing.SealToken;
import cn.wssp.signing.SigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Each department's seal (行政许可专用章): key and certificate, created on first need. */
@ApplicationScoped
public class SealKeeper {
  @Inject
  PortalResources resources;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  public void ensureSeals() throws SigningException {
    for (Department d : em.createQuery("select d from Department d", Department.class).getResultList()) {
      sealOf(d);
    }
  }

  public SealToken sealOf(Department d) throws SigningException {
    return resources.sealAuthority().sealFor(d.code(), d.name());
  }
}
