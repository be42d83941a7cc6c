package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Actor;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.infrastructure.PortalSettings;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Locale;

/** The visitor's session: language, who is logged in, logout. */
@Named("visitor")
@SessionScoped
public class SessionBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  private Locale locale = Locale.SIMPLIFIED_CHINESE;

  public Locale getLocale() {
    return locale;
  }

  public boolean isEnglish() {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
  }

  public void switchLanguage() {
    locale = isEnglish() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  public boolean isLoggedIn() {
    return current.get().isPresent();
  }

  public String getDisplayName() {
    return current.get().map(Actor::displayName).orElse("");
  }

  public boolean has(String role) {
    return current.get().map(a -> a.has(Role.valueOf(role))).orElse(false);
  }

  public String getRoleLabels() {
    return current.get().map(a -> String.join("、",
        a.roles().stream().map(Role::label).sorted().toList())).orElse("");
  }

  public String getCenterName() {
    return PortalSettings.current().centerName();
  }

  public boolean isDemoData() {
    return PortalSettings.current().demoData();
  }

  public void logout() throws ServletException {
    FacesContext fc = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) fc.getExternalContext().getRequest();
    request.logout();
    fc.getExternalContext().invalidateSession();
    Pages.redirect("/index.xhtml");
  }
}
