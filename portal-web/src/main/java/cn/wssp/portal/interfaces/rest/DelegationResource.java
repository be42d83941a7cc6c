package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.Delegations;
import cn.wssp.portal.domain.model.DelegatedAction;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** 委托书 of the chief representatives (CENTER_ADMIN): API.md's /admin/delegations. */
@Path("admin/delegations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelegationResource {
  @Inject
  CurrentActor current;

  @Inject
  Delegations delegations;

  public static class NewDelegation {
    public String department;
    public String roleA;
    public String roleB;
    public List<String> matters;
    public List<String> actions;
    public String validFrom;
    public String validTo;
  }

  @GET
  public List<Delegations.View> list() {
    return delegations.all(current.require());
  }

  /** 201 with the letter and its sealed PDF's {id, kind, number}. */
  @POST
  public Response issue(NewDelegation body) {
    var actor = current.require();
    if (body == null) {
      throw DomainException.invalid(
          "请提供 department、roleA、roleB、matters、actions、validFrom 和 validTo。");
    }
    Delegations.View issued = delegations.issue(actor, new Delegations.Request(body.department,
        body.roleA, body.roleB, body.matters == null ? List.of() : body.matters,
        actions(body.actions), ApplicationResource.date(body.validFrom, "validFrom"),
        ApplicationResource.date(body.validTo, "validTo")));
    return Response.status(201).entity(issued).build();
  }

  /** Codes (APPROVE) or their Chinese names (审批); at least one. */
  static Set<DelegatedAction> actions(List<String> values) {
    if (values == null || values.isEmpty()) {
      throw DomainException.invalid("字段 actions 不能为空：至少选择一项 ACCEPT（受理）、REVIEW（审核）、"
          + "APPROVE（审批）、ISSUE（签发）。");
    }
    Set<DelegatedAction> actions = EnumSet.noneOf(DelegatedAction.class);
    for (String value : values) {
      String v = value == null ? "" : value.trim();
      actions.add(Arrays.stream(DelegatedAction.values())
          .filter(a -> a.name().equalsIgnoreCase(v) || a.label().equals(v)).findFirst()
          .orElseThrow(() -> DomainException.invalid("字段 actions 的值「" + AuditResource.abbreviate(v)
              + "」无效，可选：ACCEPT（受理）、REVIEW（审核）、APPROVE（审批）、ISSUE（签发）。")));
    }
    return actions;
  }
}
