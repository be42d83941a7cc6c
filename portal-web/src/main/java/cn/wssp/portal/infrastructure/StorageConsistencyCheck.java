package cn.wssp.portal.infrastructure;

import cn.wssp.portal.application.StorageReconciler;
import cn.wssp.portal.domain.storage.StorageReconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The last storage reconciliation in /health/ready's data: {@code consistent: false} and the
 * missing keys when records point at absent objects. Reported, not DOWN: readiness says whether
 * this instance can serve, and every instance shares the store — one lost file must not take the
 * whole portal out of the load balancer (nor would a liveness restart bring the file back). The
 * store's reachability is the "portal" check's {@code objectStore}, which does go DOWN.
 */
@Readiness
@ApplicationScoped
public class StorageConsistencyCheck implements HealthCheck {
  @Inject
  StorageReconciler reconciler;

  @Inject
  PortalBootstrap bootstrap;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("storage-consistency").up();
    Optional<StorageReconciliation> last = Optional.empty();
    try {
      last = bootstrap.failure() == null ? reconciler.lastRun() : Optional.empty();
    } catch (RuntimeException databaseDown) {
      // the "portal" check reports the database
    }
    if (last.isEmpty()) {
      return b.withData("lastRun", "none").build();
    }
    StorageReconciliation r = last.get();
    b.withData("consistent", r.consistent())
        .withData("missing", r.missing())
        .withData("orphans", r.orphans())
        .withData("lastRun", r.finishedAt().toString());
    if (!r.consistent()) {
      b.withData("missingKeys", String.join(", ", r.missingKeys()));
    }
    return b.build();
  }
}
