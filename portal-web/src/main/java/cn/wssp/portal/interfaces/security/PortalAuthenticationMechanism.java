package cn.wssp.portal.interfaces.security;

import cn.wssp.portal.application.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One mechanism for both doors: "Authorization: Bearer" tokens for the REST API, and the login
 * page for people (its form calls SecurityContext.authenticate; the session then carries the
 * login). Protected pages without a login go to the login page; the API answers 401 in JSON.
 */
@ApplicationScoped
@AutoApplySession
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {
  @Inject
  IdentityStoreHandler identityStores;

  @Inject
  Accounts accounts;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return accounts.byToken(authorization.substring(7))
          .map(u -> context.notifyContainerAboutLogin(PortalIdentityStore.result(u)))
          .orElseGet(() -> unauthorized(request, response, "访问令牌无效或已过期，请重新获取。"));
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      return result.getStatus() == CredentialValidationResult.Status.VALID
          ? context.notifyContainerAboutLogin(result)
          : AuthenticationStatus.SEND_FAILURE;
    }
    if (context.isProtected()) {
      if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        return unauthorized(request, response, "请先登录（Authorization: Bearer 令牌）。");
      }
      String target = request.getRequestURI().substring(request.getContextPath().length())
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      if (UploadGate.hasBody(request)) {
        // Not the place to receive a body: close instead of swallowing it after the redirect.
        UploadGate.closeAfterResponse(request, response);
      }
      return context.redirect(request.getContextPath() + "/login.xhtml?next="
          + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }
    return context.doNothing();
  }

  private static AuthenticationStatus unauthorized(HttpServletRequest request,
      HttpServletResponse response, String message) {
    try {
      if (UploadGate.hasBody(request)) {
        // A refused body is not read: the connection is closed after this answer (UploadGate).
        UploadGate.closeAfterResponse(request, response);
      }
      response.setStatus(401);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"error\":\"UNAUTHORIZED\",\"message\":\"" + message + "\"}");
    } catch (IOException ignored) {
      // the client went away
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
