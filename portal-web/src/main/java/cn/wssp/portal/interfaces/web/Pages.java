package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.domain.model.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Small helpers every backing bean shares: messages, redirects, running a use case safely. */
final class Pages {
  private static final Logger LOG = Logger.getLogger(Pages.class.getName());

  private Pages() {}

  static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null,
        new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A message next to one field (its client id, e.g. "f:pin"). */
  static void fieldError(String clientId, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A UI label from the message bundle (cn/wssp/portal/web/messages) in the visitor's language. */
  static String label(String key) {
    FacesContext fc = FacesContext.getCurrentInstance();
    java.util.ResourceBundle bundle = fc.getApplication().getResourceBundle(fc, "msg");
    return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : key;
  }

  /**
   * The departments as choices of a select (value: the code), named in the page's language;
   * none when the list could not be read (the refusal is on the page).
   */
  static java.util.List<jakarta.faces.model.SelectItem> departmentItems(
      java.util.List<cn.wssp.portal.domain.model.Department> departments, Formats formats) {
    return (departments == null ? java.util.List.<cn.wssp.portal.domain.model.Department>of()
        : departments).stream()
        .map(d -> new jakarta.faces.model.SelectItem(d.code(), formats.department(d.name())))
        .toList();
  }

  /** Redirects inside the portal; messages added before it are shown on the next page. */
  static void redirect(String path) {
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.getExternalContext().getFlash().setKeepMessages(true);
    try {
      fc.getExternalContext().redirect(fc.getExternalContext().getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a use case; a refusal becomes a message for the user, anything else a plain apology. */
  /** Deletes an uploaded file's temporary copy (the multipart part) once it has been used. */
  static void discard(org.primefaces.model.file.UploadedFile file) {
    if (file == null) {
      return;
    }
    try {
      file.delete();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "上传临时文件未能删除：" + file.getFileName(), e);
    }
  }

  static <T> T attempt(Supplier<T> action) {
    return attemptAt(null, action);
  }

  /**
   * As {@link #attempt(Supplier)}, the refusal next to one field (null: the page's messages), e.g.
   * "f:pin" in the signing dialog, where the signer is looking.
   */
  static <T> T attemptAt(String clientId, Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      DomainException domain = domainCause(e);
      String text = domain != null ? refusal(domain) : label("error.internal");
      if (domain == null) {
        LOG.log(Level.SEVERE, "页面操作失败", e);
      }
      FacesContext.getCurrentInstance().addMessage(clientId,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
      return null;
    }
  }

  /** After a signature: the dialog closes (args.signed) and the page shows the result. */
  static void signed() {
    org.primefaces.PrimeFaces pf = org.primefaces.PrimeFaces.current();
    pf.ajax().addCallbackParam("signed", true);
    pf.ajax().update("f:messages", "f:page");
  }

  /** The first {@code max} characters, with an ellipsis when cut (the signing dialog's restatement). */
  static String excerpt(String text, int max) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }

  /** A field's own check failed: the page keeps what was typed and no dialog opens. */
  static void invalid(String clientId, String text) {
    fieldError(clientId, text);
    FacesContext.getCurrentInstance().validationFailed();
  }

  static boolean attempt(Runnable action) {
    return attempt(() -> {
      action.run();
      return Boolean.TRUE;
    }) != null;
  }

  /**
   * A refusal in the page's language: in English the message written for it, else the bundle's
   * sentence for its code followed by the Chinese details, else the Chinese message alone.
   */
  static String refusal(DomainException refused) {
    return refusal(refused, Formats.facesEnglish(), Pages::label);
  }

  /** As {@link #refusal(DomainException)}; {@code labels} answers a missing key with the key. */
  static String refusal(DomainException refused, boolean english,
      java.util.function.UnaryOperator<String> labels) {
    if (!english) {
      return refused.getMessage();
    }
    if (refused.english() != null) {
      return refused.english();
    }
    String key = "refusal." + refused.code();
    String generic = labels.apply(key);
    return generic.equals(key) ? refused.getMessage() : generic + " (" + refused.getMessage() + ")";
  }

  private static DomainException domainCause(Throwable t) {
    for (int i = 0; i < 10 && t != null; i++) {
      if (t instanceof DomainException d) {
        return d;
      }
      t = t.getCause();
    }
    return null;
  }
}
