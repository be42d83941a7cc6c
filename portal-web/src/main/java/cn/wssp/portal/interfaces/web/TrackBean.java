package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.TrackingService;
import cn.wssp.portal.interfaces.security.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/** 办件查询 (public): number + tracking code; with both in the address the query runs at once. */
@Named
@ViewScoped
public class TrackBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  TrackingService tracking;

  @Inject
  ClientAddress clientAddress;

  private String number;
  private String code;
  private transient TrackingService.Tracking result;

  public void load() {
    if (number != null && !number.isBlank() && code != null && !code.isBlank() && result == null) {
      query();
    }
  }

  public void query() {
    String address = clientAddress.of(
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    // Wrong pairs are throttled per address; the refusal says when to try again.
    result = Pages.attempt(() -> tracking.track(number, code, address));
  }

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public TrackingService.Tracking getResult() { return result; }
}
