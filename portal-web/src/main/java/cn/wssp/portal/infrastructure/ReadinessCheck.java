package cn.wssp.portal.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready is UP only when the database, the object store and the signing keys work, and
 * DOWN from the moment the instance is told to stop (draining, see {@link Drain}).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @Inject
  PortalResources resources;

  @Inject
  PortalBootstrap bootstrap;

  @Override
  public HealthCheckResponse call() {
    if (Drain.draining()) {
      // Stopping: out of the balancer at once, whatever else is fine.
      Drain.readinessPolled(true);
      return HealthCheckResponse.named("portal").down()
          .withData("draining", true)
          .withData("inFlight", Drain.inFlight())
          .build();
    }
    boolean database = database();
    boolean started = resources.started() && bootstrap.failure() == null && WebStarted.started();
    boolean objectStore = started && resources.objectStore().isUsable();
    boolean signing = started && resources.sealAuthority().isUsable();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("portal")
        .status(database && objectStore && signing)
        .withData("web", WebStarted.started())
        .withData("database", database)
        .withData("objectStore", objectStore)
        .withData("signingKeys", signing)
        .withData("ocr", started && resources.preReviewer().ocrAvailable() ? "available"
            : "unavailable: install tesseract-ocr tesseract-ocr-chi-sim");
    if (started) {
      b.withData("objectStoreProtections", resources.objectStore().protections().toString());
    }
    if (bootstrap.failure() != null) {
      b.withData("startupFailure", bootstrap.failure());
    }
    Drain.readinessPolled(false);
    return b.build();
  }

  private boolean database() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }
}
