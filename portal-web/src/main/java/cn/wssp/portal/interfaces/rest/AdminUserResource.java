package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.UserAdministration;
import cn.wssp.portal.application.UserAdministration.AccountView;
import cn.wssp.portal.domain.model.AccountSearch;
import cn.wssp.portal.domain.model.ChiefRole;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 用户与角色 (CENTER_ADMIN): accounts listed and searched (the total in X-Total-Count), created,
 * changed, their passwords reset. Never a password or PIN hash in an answer.
 */
@Path("admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUserResource {
  @Inject
  CurrentActor current;

  @Inject
  UserAdministration users;

  @Context
  UriInfo uri;

  /** Roles as codes ({@code role} is a shorthand for one), where the account belongs. */
  public static class PlacementBody {
    public List<String> roles;
    public String role;
    public String department;
    public String chiefRole;
    public String pin;
    public String enterpriseCreditCode;
    public String enterpriseName;
  }

  public static class NewUser extends PlacementBody {
    public String username;
    public String displayName;
    public String password;
    public String email;
  }

  /** Every field optional: what is absent stays as it is. */
  public static class UserChange extends PlacementBody {
    public String displayName;
    public String email;
    public Boolean enabled;
  }

  public static class NewPassword {
    public String password;
  }

  @GET
  public Response list(@QueryParam("q") String q, @QueryParam("role") String role,
      @QueryParam("department") String department, @QueryParam("enabled") String enabled,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    AccountSearch search = new AccountSearch(q,
        role == null || role.isBlank() ? null : ApplicationResource.enumValue(Role.class, role, "role"),
        department, bool(enabled, "enabled"), AuditResource.number(page, "page"),
        AuditResource.number(size, "size"));
    UserAdministration.Page found = users.search(current.require(), search);
    return Response.ok(found.items()).header("X-Total-Count", found.total()).build();
  }

  @GET
  @Path("{id}")
  public AccountView get(@PathParam("id") long id) {
    return users.get(current.require(), id);
  }

  @POST
  public Response create(NewUser body) {
    var actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供 username、displayName、password 和 roles。");
    }
    AccountView created = users.create(actor, new UserAdministration.NewAccount(body.username,
        body.displayName, body.password, body.email, placement(body, true)));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created).build();
  }

  @PUT
  @Path("{id}")
  public AccountView change(@PathParam("id") long id, UserChange body) {
    var actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供要修改的字段（displayName、roles、department、enabled 等）。");
    }
    boolean placed = body.roles != null || body.role != null || body.department != null
        || body.chiefRole != null || body.pin != null || body.enterpriseCreditCode != null;
    return users.change(actor, id, new UserAdministration.Change(body.displayName, body.email,
        placed ? placement(body, false) : null, body.enabled));
  }

  @POST
  @Path("{id}/password")
  public AccountView resetPassword(@PathParam("id") long id, NewPassword body) {
    var actor = current.require();
    return users.resetPassword(actor, id, body == null ? null : body.password);
  }

  private static UserAdministration.Placement placement(PlacementBody b, boolean create) {
    Set<Role> roles = null;
    if (b.roles != null || b.role != null) {
      roles = EnumSet.noneOf(Role.class);
      for (String r : b.roles != null ? b.roles : List.of(b.role)) {
        if (r == null || r.isBlank()) {
          throw DomainException.invalid("角色（roles）不能为空。");
        }
        roles.add(ApplicationResource.enumValue(Role.class, r, "roles"));
      }
    } else if (create) {
      throw DomainException.invalid("请选择角色（roles），如 [\"REVIEWER\"]。");
    }
    ChiefRole chief = b.chiefRole == null || b.chiefRole.isBlank() ? null
        : ApplicationResource.enumValue(ChiefRole.class, b.chiefRole, "chiefRole");
    return new UserAdministration.Placement(roles, b.department, chief, b.pin,
        b.enterpriseCreditCode, b.enterpriseName);
  }

  private static Boolean bool(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw DomainException.invalid("字段 " + field + " 只能是 true 或 false。");
    };
  }
}
