package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.AdminClock;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/** The test clock and the sweeps of API.md's second round (only with PORTAL_TEST_CLOCK=true). */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminClockResource {
  @Inject
  CurrentActor current;

  @Inject
  AdminClock clock;

  public static class Advance {
    public Integer advanceDays;
  }

  public record Now(Instant now) {}

  @GET
  @Path("clock")
  public Now now() {
    clock.requireEnabled();
    return new Now(clock.now(current.require()));
  }

  @POST
  @Path("clock")
  public Now advance(Advance body) {
    clock.requireEnabled();
    return new Now(clock.advance(current.require(), body == null ? null : body.advanceDays));
  }

  /** Runs every time-driven sweep at once and answers when done: {sweep: changed}. */
  @POST
  @Path("sweeps/run")
  public Map<String, Integer> runSweeps() {
    clock.requireEnabled();
    return clock.runSweeps(current.require());
  }
}
