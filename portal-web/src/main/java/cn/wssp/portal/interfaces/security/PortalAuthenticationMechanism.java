package cn.wssp.portal.interfaces.security;

import cn.wssp.portal.application.Accounts;
import cn.wssp.portal.application.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism for both doors. The REST API: "Authorization: Bearer" tokens, stateless (a
 * bearer request never creates or uses a session). People: the login page's form; the session
 * then carries the login, for at most {@link #ABSOLUTE_LIMIT} (the idle timeout is web.xml's).
 * A session may change state through the API only from the portal's own pages (same Origin), so
 * another site cannot make a logged-in browser act (CSRF). Protected pages without a login go to
 * the login page; the API answers 401 in JSON.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String SESSION_USER = "wssp.user";
  static final String SESSION_SINCE = "wssp.since";
  /** However active, a login lasts at most a working day. */
  static final Duration ABSOLUTE_LIMIT = Duration.ofHours(10);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject
  IdentityStoreHandler identityStores;

  @Inject
  Accounts accounts;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7);
      return accounts.actorOfToken(token)
          .map(actor -> loggedIn(request, context, actor))
          .orElseGet(() -> unauthorized(request, response, "访问令牌无效或已过期，请重新获取。"));
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      HttpSession session = request.getSession(true);
      session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
      session.setAttribute(SESSION_SINCE, Instant.now());
      return context.notifyContainerAboutLogin(result);
    }
    Optional<Actor> sessionUser = sessionUser(request);
    if (sessionUser.isPresent() && (!isApi(request) || SAFE_METHODS.contains(request.getMethod())
        || sameOrigin(request))) {
      return loggedIn(request, context, sessionUser.get());
    }
    if (context.isProtected()) {
      if (isApi(request)) {
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

  /**
   * Tells the container who is logged in, and leaves the account as read for this request's
   * {@link CurrentActor}, which would otherwise read it again.
   */
  private static AuthenticationStatus loggedIn(HttpServletRequest request,
      HttpMessageContext context, Actor actor) {
    request.setAttribute(CurrentActor.RESOLVED, actor);
    return context.notifyContainerAboutLogin(PortalIdentityStore.result(actor));
  }

  /** The user of a live login session; an expired or disabled login ends the session. */
  private Optional<Actor> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object name = session == null ? null : session.getAttribute(SESSION_USER);
    if (name == null) {
      return Optional.empty();
    }
    Object since = session.getAttribute(SESSION_SINCE);
    Optional<Actor> user = since instanceof Instant at
        && at.plus(ABSOLUTE_LIMIT).isAfter(Instant.now())
        ? accounts.actorOf(name.toString()) : Optional.empty();
    if (user.isEmpty()) {
      session.invalidate();
    }
    return user;
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  /** The request comes from a page of this portal: its Origin (or Referer) is our own address. */
  static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isBlank() || "null".equals(origin)) {
      origin = request.getHeader("Referer");
    }
    if (origin == null || origin.isBlank()) {
      return false;
    }
    try {
      URI from = URI.create(origin.trim());
      String host = request.getHeader("Host");
      return from.getHost() != null && host != null
          && (from.getHost() + (from.getPort() < 0 ? "" : ":" + from.getPort())).equalsIgnoreCase(host)
          && from.getScheme().equalsIgnoreCase(request.getScheme());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Logs the session out; the login page's and the header's logout call this through the request. */
  @Override
  public void cleanSubject(HttpServletRequest request, HttpServletResponse response,
      HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_USER);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private static AuthenticationStatus unauthorized(HttpServletRequest request,
      HttpServletResponse response, String message) {
    try {
      if (UploadGate.hasBody(request)) {
        // A refused body is not read: the connection is closed after this answer (UploadGate).
        UploadGate.closeAfterResponse(request, response);
      }
      cn.wssp.portal.interfaces.rest.ApiError.write(response, 401, "UNAUTHORIZED", message);
    } catch (IOException ignored) {
      // the client went away
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
