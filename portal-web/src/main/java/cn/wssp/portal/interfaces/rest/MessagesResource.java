package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.Inbox;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** 站内消息 of the logged-in user: {@code GET /messages}, mark one or all read. */
@Path("messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
  @Inject
  CurrentActor current;

  @Inject
  Inbox inbox;

  /** {unread, total, page, size, items[{id, subject, body, applicationId, createdAt, read}]}. */
  @GET
  public Inbox.Page list(@QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    return inbox.page(current.require(), AuditResource.number(page, "page"),
        AuditResource.number(size, "size"));
  }

  @POST
  @Path("{id}/read")
  public Inbox.Item read(@PathParam("id") Long id) {
    return inbox.read(current.require(), id);
  }

  @POST
  @Path("read-all")
  public Map<String, Integer> readAll() {
    return Map.of("read", inbox.readAll(current.require()));
  }
}
