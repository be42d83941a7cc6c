package cn.wssp.portal.interfaces.rest;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Serves files that users uploaded or the portal issued without ever letting a browser run
 * them as a page of the portal's origin (stored XSS through an HTML or SVG "material"): always
 * as an attachment, with the detected type only when it is on the allow-list and
 * application/octet-stream otherwise, in a CSP sandbox, never sniffed, never cached.
 */
final class SafeDownload {
  /** Types a material may be served as: documents and images a browser does not script. */
  static final Set<String> SERVABLE_TYPES = Set.of(
      "application/pdf", "image/jpeg", "image/png", "image/tiff", "application/ofd",
      "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation");

  /**
   * Types shown inside the clerk's and the applicant's page (预览): a PDF or a picture, which a
   * browser renders without running the file's own script; anything else stays a download.
   */
  static final Set<String> PREVIEWABLE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

  private SafeDownload() {}

  /**
   * A preview for a frame of the portal's own page: inline only for {@link #PREVIEWABLE_TYPES},
   * still sandboxed, never sniffed, never cached; everything else as {@link #attachment}.
   */
  static Response.ResponseBuilder inline(byte[] bytes, String detectedType, String fileName) {
    String type = servableType(detectedType);
    if (!PREVIEWABLE_TYPES.contains(type)) {
      return attachment(bytes, detectedType, fileName);
    }
    return Response.ok(bytes, type)
        .header("Content-Disposition", "inline; " + fileNames(fileName))
        .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:;"
            + " frame-ancestors 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
  }

  private static String fileNames(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "download" : fileName;
    // An ASCII fallback for old clients; filename* carries the Chinese name (RFC 6266).
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return "filename=\"" + ascii + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String servableType(String detected) {
    String base = detected == null ? "" : detected.split(";")[0].trim().toLowerCase();
    return SERVABLE_TYPES.contains(base) ? base : "application/octet-stream";
  }

  static Response.ResponseBuilder attachment(byte[] bytes, String detectedType, String fileName) {
    return Response.ok(bytes, servableType(detectedType))
        .header("Content-Disposition", "attachment; " + fileNames(fileName))
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
  }
}
