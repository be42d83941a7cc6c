package cn.wssp.portal.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's address for the throttles: the socket's remote address. X-Forwarded-For is
 * believed only when that remote address is a proxy listed in PORTAL_TRUSTED_PROXIES
 * (portal.trusted.proxies, comma-separated addresses); then the client is the last address in
 * the header that is not itself a trusted proxy.
 */
@ApplicationScoped
public class ClientAddress {
  private final Set<String> trusted;

  public ClientAddress() {
    this(ConfigProvider.getConfig(ClientAddress.class.getClassLoader())
        .getOptionalValue("portal.trusted.proxies", String.class).orElse(""));
  }

  ClientAddress(String trustedProxies) {
    this.trusted = Arrays.stream(trustedProxies.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  String of(String remote, String forwardedFor) {
    if (remote == null || remote.isBlank()) {
      return "unknown";
    }
    if (forwardedFor == null || forwardedFor.isBlank() || !trusted.contains(remote)) {
      return remote;
    }
    List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trusted.contains(hops.get(i))) {
        String hop = hops.get(i);
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return remote;
  }
}
