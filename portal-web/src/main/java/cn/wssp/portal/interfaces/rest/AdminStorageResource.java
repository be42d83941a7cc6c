package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.StorageReconciler;
import cn.wssp.portal.domain.storage.StorageReconciliation;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Consistency between the records and the object store (CENTER_ADMIN): the last run, or one now. */
@Path("admin/storage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminStorageResource {
  @Inject
  CurrentActor current;

  @Inject
  StorageReconciler reconciler;

  /**
   * API.md's {objects, referenced, orphans, missing, lastRun}, with the keys (at most 40 of each)
   * and what the run did: orphans moved to quarantine, quarantined objects deleted after their
   * grace period, missing objects put back from quarantine. Before the first run: zeros and a
   * null lastRun.
   */
  @jakarta.json.bind.annotation.JsonbNillable // lastRun: null before the first run, not absent
  public record Consistency(long objects, long referenced, long orphans, long missing,
      Instant lastRun, List<String> orphanKeys, List<String> missingKeys, long quarantined,
      long purged, long restored) {
    static Consistency of(StorageReconciliation r) {
      return new Consistency(r.objects(), r.referenced(), r.orphans(), r.missing(), r.finishedAt(),
          r.orphanKeys(), r.missingKeys(), r.quarantined(), r.purged(), r.restored());
    }

    static final Consistency NEVER = new Consistency(0, 0, 0, 0, null, List.of(), List.of(), 0, 0, 0);
  }

  @GET
  @Path("consistency")
  public Consistency consistency() {
    return reconciler.lastRun(current.require()).map(Consistency::of).orElse(Consistency.NEVER);
  }

  @POST
  @Path("reconcile")
  public Consistency reconcile() {
    return Consistency.of(reconciler.reconcileNow(current.require()));
  }
}
