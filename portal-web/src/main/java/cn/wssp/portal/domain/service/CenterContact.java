package cn.wssp.portal.domain.service;

import java.io.Serializable;

/**
 * Where and when an enterprise finds the service center's window, told on every service guide
 * (办理地点、办公时间、咨询电话); a part not configured is null and not shown.
 */
public record CenterContact(String address, String hours, String phone) implements Serializable {
  public boolean isKnown() {
    return address != null || hours != null || phone != null;
  }
}
