package cn.wssp.portal.interfaces.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * A view's language from its start is the one the visitor chose in this session (Chinese unless
 * switched), not the browser's Accept-Language: otherwise a refusal raised while the view is
 * being built, before {@code <f:view locale>} applies, came in the browser's language on a page
 * in the session's.
 */
public class SessionLocaleViewHandler extends ViewHandlerWrapper {
  public SessionLocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    if (context.getExternalContext().getSession(false) == null) {
      return Locale.SIMPLIFIED_CHINESE; // no choice made yet: Chinese first
    }
    Locale chosen = context.getApplication().evaluateExpressionGet(context, "#{visitor.locale}",
        Locale.class);
    return chosen != null ? chosen : Locale.SIMPLIFIED_CHINESE;
  }
}
