package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.TooManyAttempts;
import cn.wssp.portal.interfaces.security.PortalIdentityStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login form: hands the credential to Jakarta Security (PortalAuthenticationMechanism and
 * PortalIdentityStore); the session then carries the login, for the pages and the REST API.
 */
@Named
@RequestScoped
public class LoginBean {
  static final String DEFAULT_TARGET = "/app/applications.xhtml";

  @Inject
  SecurityContext security;

  private String username;
  private String password;
  private String next;

  public void login() {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      Pages.error(Pages.label("login.missing"));
      return;
    }
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) ec.getResponse(),
        AuthenticationParameters.withParams().newAuthentication(true)
            .credential(new UsernamePasswordCredential(username.trim(), new Password(password))));
    password = null;
    switch (status) {
      case SUCCESS, SEND_CONTINUE -> {
        if (ec.isResponseCommitted()) {
          fc.responseComplete(); // the mechanism has answered already
          return;
        }
        if (request.getSession(false) != null) {
          request.changeSessionId(); // no session fixation: a new id for the logged-in session
        }
        Pages.redirect(safeNext(next));
      }
      default -> {
        if (request.getAttribute(PortalIdentityStore.THROTTLED) instanceof TooManyAttempts t) {
          // Too many failures: say when to come back (the password was not checked).
          HttpServletResponse response = (HttpServletResponse) ec.getResponse();
          response.setStatus(429);
          response.setHeader("Retry-After", String.valueOf(t.retryAfterSeconds()));
          // The throttle's own words carry the clock time (Chinese); in English the wait.
          Pages.error(Formats.facesEnglish()
              ? java.text.MessageFormat.format(Pages.label("login.throttled"),
                  Math.max(1, (t.retryAfterSeconds() + 59) / 60))
              : t.getMessage());
        } else if (request.getAttribute(PortalIdentityStore.DISABLED) instanceof DomainException d) {
          ((HttpServletResponse) ec.getResponse()).setStatus(403);
          Pages.error(Pages.label("login.disabled"));
        } else {
          Pages.error(Pages.label("login.wrong"));
        }
      }
    }
  }

  /** Only paths inside the portal: a login link must not send people elsewhere. */
  static String safeNext(String next) {
    if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
        || next.contains("\\") || next.contains("login.xhtml") || next.chars().anyMatch(Character::isISOControl)
        || next.contains("://")) {
      return DEFAULT_TARGET;
    }
    return next;
  }

  public String getUsername() { return username; }
  public void setUsername(String username) { this.username = username; }
  public String getPassword() { return password; }
  public void setPassword(String password) { this.password = password; }
  public String getNext() { return next; }
  public void setNext(String next) { this.next = next; }
}
