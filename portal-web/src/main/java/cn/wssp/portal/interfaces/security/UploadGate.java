package cn.wssp.portal.interfaces.security;

import cn.wssp.portal.infrastructure.PortalSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The gate in front of every request body (ASVS V12.1 / V13.1): a body is refused before it is
 * received, not after. The caller's login (the bearer token or the session, already resolved by
 * {@link PortalAuthenticationMechanism}) and the declared Content-Length are checked before a
 * byte of the body is read; a body of unknown length (chunked) is counted as it is read and
 * refused as soon as it passes the cap. A refusal answers 401 / 413 in the JSON of API.md with
 * "Connection: close", and the connection is really closed: Payara's Grizzly would otherwise
 * read ("swallow") the rest of the refused body to keep the connection alive.
 *
 * <p>Multipart posts to the pages are parsed here, under the Faces servlet's multipart-config,
 * so that a part over its limit is answered 413 at once; every part's temporary file is deleted
 * when the request is done, also when it failed.
 *
 * <p>Declared in web.xml (not annotated), because its place among the filters matters: before
 * IdempotencyFilter, which reads the bodies it has bounded.
 */
public class UploadGate implements Filter {
  private static final Logger LOG = Logger.getLogger(UploadGate.class.getName());

  /**
   * Room for the multipart boundaries and part headers around the file itself, and for what the
   * multipart parser has read ahead (its 64 KiB window, MultipartStream): the file's own cap
   * (MaterialUploads, 413 with the material's name) must be crossed before this whole-body one,
   * or a file just over its cap is refused as a broken upload (400) when the window is full.
   */
  public static final long MULTIPART_OVERHEAD = 256 << 10;
  /** The verification page and API take a PDF of at most this size (VerifyResource, VerifyBean). */
  public static final long VERIFY_MAX_BYTES = 50L << 20;
  /** max-file-size of the Faces servlet's multipart-config in web.xml: keep the two equal. */
  public static final long PAGE_MAX_FILE_BYTES = 100L << 20;
  /** The API's JSON bodies are small (a matter code, a reason, a PIN). */
  public static final long JSON_MAX_BYTES = 1L << 20;
  /** Any other body (Faces forms): generous, but not unbounded. */
  public static final long OTHER_MAX_BYTES = 2L << 20;

  private static final Pattern MATERIAL_PUT =
      Pattern.compile("/api/v1/applications/[^/]+/materials/[^/]+/?");
  private static final String REFUSED = UploadGate.class.getName() + ".refused";

  private long materialCap;

  /** What a body to one address may be. */
  record Rule(boolean needsLogin, long cap, String what) {}

  @Override
  public void init(FilterConfig config) {
    PortalSettings settings = PortalSettings.current();
    materialCap = settings.uploadMaxBytes();
    privateTempFolder(settings.dataDir());
  }

  /**
   * The temp folder (./portal sets java.io.tmpdir to DATA/tmp) holds spooled uploads and
   * multipart parts: 0700, for the portal's user only. Only a folder inside the data folder is
   * changed, never a shared /tmp.
   */
  static void privateTempFolder(java.nio.file.Path dataDir) {
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))
        .toAbsolutePath().normalize();
    if (!tmp.startsWith(dataDir)) {
      LOG.warning("临时目录 " + tmp + " 不在数据目录内，未修改其权限；请确保仅门户用户可读写。");
      return;
    }
    try {
      java.nio.file.Files.setPosixFilePermissions(tmp,
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warning("临时目录 " + tmp + " 的权限未能设为 0700：" + e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!hasBody(request)) {
      chain.doFilter(req, res);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean pageUpload = path.endsWith(".xhtml") && isMultipart(request);
    Rule rule = rule(request.getMethod(), path, pageUpload, request.getContentType());
    if (rule.needsLogin() && request.getUserPrincipal() == null) {
      refuse(request, response, 401, "UNAUTHORIZED",
          "请先登录（Authorization: Bearer 令牌或登录会话）后再上传文件。");
      return;
    }
    long length = request.getContentLengthLong();
    if (length > rule.cap()) {
      refuse(request, response, 413, "TOO_LARGE", tooLarge(rule));
      return;
    }
    if (pageUpload) {
      if (length < 0) {
        // Browsers send page uploads with a length; the container's parser cannot be counted.
        refuse(request, response, 411, "LENGTH_REQUIRED", "页面上传须带 Content-Length，已拒收。");
        return;
      }
      pageUpload(request, response, chain, rule);
      return;
    }
    HttpServletRequest counted = length < 0 ? new Counted(request, response, rule, tooLarge(rule)) : request;
    chain.doFilter(counted, response);
    if (request.getAttribute(REFUSED) != null && !response.isCommitted()) {
      response.reset();
      writeError(response, 413, "TOO_LARGE", tooLarge(rule));
    }
  }

  Rule rule(String method, String path, boolean pageUpload, String contentType) {
    if ("PUT".equals(method) && MATERIAL_PUT.matcher(path).matches()) {
      return new Rule(true, materialCap + MULTIPART_OVERHEAD, "材料文件");
    }
    if ("POST".equals(method) && (path.equals("/api/v1/verify") || path.equals("/api/v1/verify/"))) {
      return new Rule(false, VERIFY_MAX_BYTES + MULTIPART_OVERHEAD, "待验证的文书");
    }
    if (pageUpload) {
      return path.equals("/verify.xhtml")
          ? new Rule(false, VERIFY_MAX_BYTES + MULTIPART_OVERHEAD, "待验证的文书")
          : new Rule(true, Math.min(materialCap, PAGE_MAX_FILE_BYTES) + MULTIPART_OVERHEAD, "材料文件");
    }
    if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
      return new Rule(false, JSON_MAX_BYTES, "请求体");
    }
    return new Rule(false, OTHER_MAX_BYTES, "请求内容");
  }

  private static String tooLarge(Rule rule) {
    long mb = Math.max(1, (rule.cap() - (rule.cap() > OTHER_MAX_BYTES ? MULTIPART_OVERHEAD : 0)) >> 20);
    return rule.what() + "超过上限 " + mb + " MB，已拒收，未保存任何内容。";
  }

  /**
   * Parses the parts here (bounded by the multipart-config), and deletes them when done. A
   * parse that fails half-way (the client went away, a part over max-file-size) leaves the
   * container's partial temp file behind, which no Part names: such orphans are swept from the
   * multipart folder when no page upload is in flight (the read lock is held by each one).
   */
  private void pageUpload(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain, Rule rule) throws IOException, ServletException {
    inFlight.readLock().lock();
    try {
      try {
        // Parsing here comes before Faces sets the encoding: without this the form's text
        // fields (reasons, decision texts, opinions) would be read as ISO-8859-1.
        if (request.getCharacterEncoding() == null) {
          request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        request.getParts();
      } catch (IllegalStateException | IOException tooLargeOrBroken) {
        // IllegalStateException: a part or the request is over the multipart-config limits.
        refuse(request, response, tooLargeOrBroken instanceof IllegalStateException ? 413 : 400,
            tooLargeOrBroken instanceof IllegalStateException ? "TOO_LARGE" : "UPLOAD_FAILED",
            tooLargeOrBroken instanceof IllegalStateException ? tooLarge(rule)
                : "文件上传中断，请重新上传。");
        return;
      }
      chain.doFilter(request, response);
    } finally {
      deleteParts(request);
      inFlight.readLock().unlock();
      sweepOrphans(request.getServletContext());
    }
  }

  private final java.util.concurrent.locks.ReentrantReadWriteLock inFlight =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  /** Deletes the container's upload_*.tmp files, but only while no page upload is in flight. */
  private void sweepOrphans(jakarta.servlet.ServletContext context) {
    Object dir = context.getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
    if (!(dir instanceof java.io.File folder) || !inFlight.writeLock().tryLock()) {
      return;
    }
    try (var files = java.nio.file.Files.newDirectoryStream(folder.toPath(), "upload_*.tmp")) {
      for (java.nio.file.Path f : files) {
        java.nio.file.Files.deleteIfExists(f);
        LOG.fine("已清除残留的上传临时文件：" + f);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "上传临时目录未能清理：" + folder, e);
    } finally {
      inFlight.writeLock().unlock();
    }
  }

  private static void deleteParts(HttpServletRequest request) {
    try {
      for (Part part : request.getParts()) {
        try {
          part.delete();
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "上传临时文件未能删除：" + part.getName(), e);
        }
      }
    } catch (IOException | ServletException | RuntimeException notParsed) {
      // nothing was kept
    }
  }

  static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  /** Answers at once, asks the client to close, and closes without reading the rest. */
  static void refuse(HttpServletRequest request, HttpServletResponse response, int status,
      String code, String message) throws IOException {
    request.setAttribute(REFUSED, code);
    if (!response.isCommitted()) {
      response.reset();
      writeError(response, status, code, message);
    }
    closeAfterResponse(request, response);
  }

  static void writeError(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setHeader("Connection", "close");
    cn.wssp.portal.interfaces.rest.ApiError.write(response, status, code, message);
  }

  /**
   * After this response the connection is closed and the unread rest of the request body is not
   * read. Grizzly (Payara's HTTP layer) skips ("swallows") an unread remainder to keep the
   * connection alive, also after "Connection: close"; it closes instead when the request's
   * content is marked broken. That flag is not servlet API, so it is reached by reflection
   * (RequestFacade → Catalina Request → Grizzly Request → HttpRequestPacket); the
   * max-swallowing-input-bytes=0 setting of ./portal covers bodies of known length as well.
   */
  public static void closeAfterResponse(HttpServletRequest request, HttpServletResponse response) {
    if (!response.isCommitted()) {
      response.setHeader("Connection", "close");
    }
    try {
      ServletRequest r = request;
      while (r instanceof ServletRequestWrapper w) {
        r = w.getRequest();
      }
      Object catalina = r.getClass().getMethod("getUnwrappedCoyoteRequest").invoke(r);
      Object grizzly = catalina.getClass().getMethod("getCoyoteRequest").invoke(catalina);
      Object packet = grizzly.getClass().getMethod("getRequest").invoke(grizzly);
      packet.getClass().getMethod("setContentBroken", boolean.class).invoke(packet, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "无法直接关闭连接（非 Payara/Grizzly 容器？）：" + e);
    }
  }

  /** The request with its body counted: past the cap the read fails and the request is refused. */
  static final class Counted extends HttpServletRequestWrapper {
    private final HttpServletResponse response;
    private final long cap;
    private final String message;
    private ServletInputStream in;

    Counted(HttpServletRequest request, HttpServletResponse response, Rule rule, String message) {
      super(request);
      this.response = response;
      this.cap = rule.cap();
      this.message = message;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new CountingStream(super.getInputStream());
      }
      return in;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String enc = getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
    }

    private final class CountingStream extends ServletInputStream {
      private final ServletInputStream delegate;
      private long count;

      CountingStream(ServletInputStream delegate) {
        this.delegate = delegate;
      }

      private int counted(int n) throws IOException {
        if (n > 0) {
          count += n;
          if (count > cap) {
            HttpServletRequest request = (HttpServletRequest) getRequest();
            request.setAttribute(REFUSED, "TOO_LARGE");
            closeAfterResponse(request, response);
            throw new TooLarge(message);
          }
        }
        return n;
      }

      @Override
      public int read() throws IOException {
        int b = delegate.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return counted(delegate.read(b, off, len));
      }

      @Override
      public boolean isFinished() {
        return delegate.isFinished();
      }

      @Override
      public boolean isReady() {
        return delegate.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
      }
    }
  }

  /** A body read past its cap; the REST error mapper answers it 413 TOO_LARGE. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    public TooLarge(String message) {
      super(message);
    }
  }
}
