package cn.wssp.portal.interfaces.web;

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

/** The login form: hands the credential to Jakarta Security (our mechanism and identity store). */
@Named
@RequestScoped
public class LoginBean {
  @Inject
  SecurityContext security;

  private String username;
  private String password;
  private String next;

  public void login() {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      Pages.error("请输入用户名和密码。");
      return;
    }
    AuthenticationStatus status = security.authenticate(
        (HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse(),
        AuthenticationParameters.withParams().newAuthentication(true)
            .credential(new UsernamePasswordCredential(username.trim(), new Password(password))));
    switch (status) {
      case SUCCESS -> Pages.redirect(safeNext());
      case SEND_CONTINUE -> fc.responseComplete();
      default -> Pages.error("用户名或密码错误。");
    }
  }

  /** Only paths inside the portal: a login link must not send people elsewhere. */
  private String safeNext() {
    if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("login.xhtml")) {
      return next;
    }
    return "/app/applications.xhtml";
  }

  public String getUsername() { return username; }
  public void setUsername(String username) { this.username = username; }
  public String getPassword() { return password; }
  public void setPassword(String password) { this.password = password; }
  public String getNext() { return next; }
  public void setNext(String next) { this.next = next; }
}
