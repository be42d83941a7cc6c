package cn.wssp.portal.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser-side defences on every answer (ASVS V14.4): no sniffing, no framing, no referrer to
 * other sites, no plugins, forms only to the portal; nothing personal kept in caches; HSTS over
 * TLS. Scripts are governed by PrimeFaces' own nonce-based policy (primefaces.CSP in web.xml),
 * which browsers combine with the one set here.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  // script-src is left to PrimeFaces' policy ('self' + the page's nonce): browsers enforce both
  // policies, so this one must not narrow scripts further (default-src would block the nonce'd
  // inline scripts, which it does not know).
  static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; font-src 'self' data:;"
      + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    boolean preview = isPreview(request);
    response.setHeader("X-Frame-Options", preview ? "SAMEORIGIN" : "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.addHeader("Content-Security-Policy", preview ? PREVIEW_POLICY : POLICY);
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!isStaticResource(request)) {
      // Pages, API answers, documents and tokens are personal: never stored by any cache.
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    }
    chain.doFilter(request, response);
  }

  /**
   * A material's preview (…/materials/{code}?inline=1) and an issued document's (我的证照:
   * /api/v1/documents/{id}?inline=1) may be framed by the portal's own page
   * and by nothing else; the answer itself carries a sandbox policy (SafeDownload.inline).
   */
  static boolean isPreview(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // Only GETs: reading a parameter of a form POST would consume its body here.
    return "GET".equals(request.getMethod()) && PREVIEW_PATH.matcher(path).matches()
        && "1".equals(request.getParameter("inline"));
  }

  private static final java.util.regex.Pattern PREVIEW_PATH =
      java.util.regex.Pattern.compile(
          "/api/v1/applications/\\d+/materials/[^/]+|/api/v1/documents/\\d+");

  static final String PREVIEW_POLICY = POLICY.replace("frame-ancestors 'none'",
      "frame-ancestors 'self'");

  /** Faces' and the theme's scripts, styles and images: the same for everyone. */
  static boolean isStaticResource(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
  }
}
