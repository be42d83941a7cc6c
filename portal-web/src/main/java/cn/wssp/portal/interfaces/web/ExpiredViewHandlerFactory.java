package cn.wssp.portal.interfaces.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What visitors see when something goes wrong outside the beans' own handling. A form sent
 * after the session ended (60 minutes idle, a logout in another tab, a restart) cannot be
 * restored: the visitor gets the same page again, freshly opened, with a short explanation.
 * Anything else unexpected is logged with a reference number and the visitor sees a plain
 * apology page (error.xhtml) with that number, never a stack trace.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {
  public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {
    private static final Logger LOG = Logger.getLogger(ExpiredViewHandlerFactory.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      FacesContext fc = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext();) {
        Throwable t = it.next().getContext().getException();
        while (t != null && !(t instanceof ViewExpiredException) && t.getCause() != null && t.getCause() != t) {
          t = t.getCause();
        }
        if (fc == null || fc.getExternalContext().isResponseCommitted()) {
          continue;
        }
        if (t instanceof ViewExpiredException expired) {
          it.remove();
          reopen(fc, expired.getViewId());
        } else if (!"/error.xhtml".equals(fc.getViewRoot() == null ? null : fc.getViewRoot().getViewId())) {
          it.remove();
          apologise(fc, t);
        }
      }
      getWrapped().handle();
    }

    private static void apologise(FacesContext fc, Throwable t) {
      String ref = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
      LOG.log(Level.SEVERE, "页面处理失败，参考编号 " + ref, t);
      var ec = fc.getExternalContext();
      try {
        ec.redirect(ec.getRequestContextPath() + "/error.xhtml?ref=" + ref);
        fc.responseComplete();
      } catch (IOException e) {
        LOG.log(Level.FINE, "visitor left before the redirect", e);
      }
    }

    private static void reopen(FacesContext fc, String viewId) {
      var ec = fc.getExternalContext();
      String path = viewId == null || !viewId.startsWith("/") ? "/index.xhtml" : viewId;
      String referer = ec.getRequestHeaderMap().get("Referer");
      String query = referer != null && referer.contains("?") ? referer.substring(referer.indexOf('?')) : "";
      int hash = query.indexOf('#');
      if (hash >= 0) {
        query = query.substring(0, hash);
      }
      try {
        fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
            "页面已过期（长时间未操作或已退出登录），已为您重新打开，请再操作一次。", null));
        ec.getFlash().setKeepMessages(true);
        ec.redirect(ec.getRequestContextPath() + path + query);
        fc.responseComplete();
      } catch (IOException e) {
        LOG.log(Level.FINE, "visitor left before the redirect", e);
      }
    }
  }
}
