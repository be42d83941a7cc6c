package cn.wssp.portal.interfaces.security;

import cn.wssp.portal.application.Accounts;
import cn.wssp.portal.application.Actor;
import cn.wssp.portal.domain.model.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/** The logged-in user of this request as an {@link Actor}, for the web and REST layers. */
@RequestScoped
public class CurrentActor {
  @Inject
  SecurityContext security;

  @Inject
  Accounts accounts;

  @Inject
  HttpServletRequest request;

  /** The request attribute where the authentication mechanism leaves the account it read. */
  static final String RESOLVED = CurrentActor.class.getName() + ".actor";

  private Actor actor;

  public Optional<Actor> get() {
    if (actor == null) {
      Principal p = security.getCallerPrincipal();
      if (p != null) {
        actor = request.getAttribute(RESOLVED) instanceof Actor known
            && known.username().equals(p.getName()) ? known
            : accounts.actorOf(p.getName()).orElse(null);
      }
    }
    return Optional.ofNullable(actor);
  }

  /** The actor, or a 401 asking to log in. */
  public Actor require() {
    return get().orElseThrow(() -> new DomainException("UNAUTHORIZED", 401, "请先登录。")
        .inEnglish("Please log in first."));
  }
}
