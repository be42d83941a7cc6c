package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.Accounts;
import cn.wssp.portal.application.Actor;
import cn.wssp.portal.domain.model.ChiefRole;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.UserAccount;
import cn.wssp.portal.interfaces.security.ClientAddress;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Tokens for enterprise systems, and who the caller is. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  @Inject
  Accounts accounts;

  @Inject
  CurrentActor current;

  @Inject
  ClientAddress clientAddress;

  @Context
  HttpServletRequest request;

  public static class Login {
    public String username;
    public String password;
  }

  public record Token(String token, Instant expiresAt) {}

  public record EnterpriseInfo(String name, String creditCode) {}

  public record DepartmentInfo(String code, String name) {}

  public record Me(String username, String displayName, List<String> roles,
      EnterpriseInfo enterprise, String department, DepartmentInfo departmentInfo,
      ChiefRole chiefRole) {}

  @POST
  @Path("auth/token")
  public Token token(Login login) {
    if (login == null || blank(login.username) || blank(login.password)) {
      throw DomainException.invalid("请提供用户名（username）和密码（password）。");
    }
    // 401 INVALID_CREDENTIALS; 429 TOO_MANY_ATTEMPTS with Retry-After when throttled.
    UserAccount user = accounts.login(login.username, login.password, clientAddress.of(request));
    Accounts.IssuedToken t = accounts.issueToken(user);
    return new Token(t.token(), t.expiresAt());
  }

  /** Revokes the bearer token of this request: afterwards it gets 401. */
  @POST
  @Path("auth/logout")
  @Consumes(MediaType.WILDCARD)
  public Response logout(@HeaderParam("Authorization") String authorization) {
    current.require();
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw DomainException.invalid("请用 Authorization: Bearer 令牌调用退出登录。");
    }
    accounts.revokeToken(authorization.substring(7));
    return Response.noContent().build();
  }

  @GET
  @Path("me")
  public Me me() {
    Actor actor = current.require();
    UserAccount u = accounts.byUsername(actor.username()).orElseThrow();
    return new Me(u.username(), u.displayName(), u.roles().stream().map(Role::name).sorted().toList(),
        u.enterprise() == null ? null : new EnterpriseInfo(u.enterprise().name(), u.enterprise().creditCode()),
        u.department() == null ? null : u.department().name(),
        u.department() == null ? null : new DepartmentInfo(u.department().code(), u.department().name()),
        u.chiefRole());
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
