package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Actor;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Locale;

/**
 * The visitor's session: the language (Chinese by default, English on request), who is logged
 * in, and logout. Named "visitor" because "session" is a Faces implicit object.
 */
@Named("visitor")
@SessionScoped
public class SessionBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  PortalProfile profile;

  @Inject
  cn.wssp.portal.domain.service.CenterContact center;

  private Locale locale = Locale.SIMPLIFIED_CHINESE;

  public Locale getLocale() {
    return locale;
  }

  public boolean isEnglish() {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
  }

  public void switchLanguage() {
    locale = isEnglish() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.getViewRoot().setLocale(locale);
    // Render the same address again (a GET), so view parameters such as ?id= are kept.
    HttpServletRequest request = (HttpServletRequest) fc.getExternalContext().getRequest();
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Pages.redirect(path + queryOf(fc));
  }

  /** The query string the page was opened with: a postback has none, the Referer has it. */
  private static String queryOf(FacesContext fc) {
    String referer = fc.getExternalContext().getRequestHeaderMap().get("Referer");
    if (referer != null && referer.contains("?")) {
      String q = referer.substring(referer.indexOf('?') + 1);
      int hash = q.indexOf('#');
      return "?" + (hash >= 0 ? q.substring(0, hash) : q);
    }
    return "";
  }

  public boolean isLoggedIn() {
    return current.get().isPresent();
  }

  public String getDisplayName() {
    return current.get().map(Actor::displayName).orElse("");
  }

  public String getUsername() {
    return current.get().map(Actor::username).orElse("");
  }

  public boolean has(String role) {
    return current.get().map(a -> a.has(Role.valueOf(role))).orElse(false);
  }

  public boolean isStaff() {
    return current.get().map(Actor::isStaff).orElse(false);
  }

  public String getRoleLabels() {
    return current.get().map(a -> String.join("、", a.roles().stream()
        .sorted(Comparator.naturalOrder()).map(Role::label).toList())).orElse("");
  }

  /** The navigation entry to the actor's list, named for what waits there. */
  public String getWorklistKey() {
    return WorklistBean.titleKey(current.get().orElse(null));
  }

  public String getCenterName() {
    return profile.centerName();
  }

  public cn.wssp.portal.domain.service.CenterContact getCenter() {
    return center;
  }

  public boolean isDemoData() {
    return profile.demoData();
  }

  public void logout() throws ServletException {
    FacesContext fc = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) fc.getExternalContext().getRequest();
    request.logout();
    fc.getExternalContext().invalidateSession();
    Pages.redirect("/index.xhtml");
  }
}
