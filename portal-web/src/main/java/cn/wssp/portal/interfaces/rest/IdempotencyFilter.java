package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.infrastructure.persistence.IdempotentRequests;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Idempotency keys for the API's POSTs (issue 10): a client that sends {@code Idempotency-Key}
 * may repeat the call (its connection broke, the portal was killed) and the action is done once.
 *
 * <p>The whole call runs in one transaction that first claims the key (a row keyed by caller and
 * key), then does the action, then keeps the response with the claim. A crash before the commit
 * leaves nothing, so the retry does the action; after the commit the retry gets the kept response
 * ("Idempotent-Replayed: true") and nothing is done again. A repeat that arrives while the first
 * is still running waits for it (the database holds the claim's row) and then gets its response.
 * Only successes are kept: a refused call (4xx) is rolled back with its claim and may be retried
 * with the same key once the cause is mended. The same key on a different call is refused (422).
 *
 * <p>Declared in web.xml after UploadGate, so that the body read here has passed its cap.
 */
public class IdempotencyFilter implements Filter {
  private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");
  /** Responses larger than this are not kept (the body column's size); the call still commits. */
  private static final int KEPT_BODY_CHARS = 1_000_000;

  @Inject
  IdempotentRequests requests;

  @Resource
  UserTransaction tx;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String key = request.getHeader(HEADER);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (key == null || !"POST".equals(request.getMethod()) || !path.startsWith("/api/")
        || request.getUserPrincipal() == null) {
      chain.doFilter(req, res); // anonymous calls (verification) change nothing worth a key
      return;
    }
    if (!KEY.matcher(key).matches()) {
      ApiError.write(response, 400, "INVALID_IDEMPOTENCY_KEY",
          "Idempotency-Key 须为 1 至 100 个可见 ASCII 字符（建议用 UUID）。");
      return;
    }
    BufferedRequest body = new BufferedRequest(request);
    String actor = request.getUserPrincipal().getName();
    String fingerprint = fingerprint(request, path, body.bytes());
    try {
      once(actor, key, fingerprint, body, response, chain);
    } catch (jakarta.transaction.SystemException | jakarta.transaction.NotSupportedException e) {
      throw new ServletException(e);
    }
  }

  private void once(String actor, String key, String fingerprint, BufferedRequest request,
      HttpServletResponse response, FilterChain chain) throws IOException, ServletException,
      jakarta.transaction.SystemException, jakarta.transaction.NotSupportedException {
    Optional<IdempotentRequests.Entry> kept = requests.find(actor, key);
    if (kept.isPresent()) {
      answerFromKept(kept.get(), fingerprint, response);
      return;
    }
    tx.begin();
    try {
      requests.claim(actor, key, fingerprint);
    } catch (RuntimeException taken) {
      // Another call with this key held the claim; it has now ended one way or the other.
      rollbackQuietly();
      kept = requests.find(actor, key);
      if (kept.isPresent()) {
        answerFromKept(kept.get(), fingerprint, response);
      } else {
        response.setHeader("Retry-After", "1");
        ApiError.write(response, 409, "IDEMPOTENCY_KEY_IN_USE",
            "同一 Idempotency-Key 的请求正在处理或刚刚失败，未重复办理；请稍后用同一键重试。");
      }
      return;
    }
    BufferedResponse buffered = new BufferedResponse(response);
    try {
      chain.doFilter(request, buffered);
    } catch (IOException | ServletException | RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
    int status = buffered.getStatus();
    if (status >= 300 || tx.getStatus() != Status.STATUS_ACTIVE) {
      rollbackQuietly();
      buffered.sendTo(response);
      return;
    }
    String text = new String(buffered.bytes(), StandardCharsets.UTF_8);
    try {
      if (text.length() <= KEPT_BODY_CHARS) {
        requests.complete(actor, key, status, buffered.getContentType(), text);
      }
      tx.commit();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "带 Idempotency-Key 的请求未能提交", e);
      rollbackQuietly();
      response.setHeader("Retry-After", "1");
      ApiError.write(response, 503, "NOT_SAVED",
          "办理结果未能保存，未生效；请用同一 Idempotency-Key 重试。");
      return;
    }
    buffered.sendTo(response);
  }

  private static void answerFromKept(IdempotentRequests.Entry kept, String fingerprint,
      HttpServletResponse response) throws IOException {
    if (!kept.fingerprint().equals(fingerprint)) {
      ApiError.write(response, 422, "IDEMPOTENCY_KEY_REUSED",
          "此 Idempotency-Key 已用于另一请求（地址或内容不同），未办理；每个新请求请用新键。");
      return;
    }
    if (!kept.done()) {
      response.setHeader("Retry-After", "1");
      ApiError.write(response, 409, "IDEMPOTENCY_KEY_IN_USE",
          "同一 Idempotency-Key 的请求正在处理，未重复办理；请稍后用同一键重试。");
      return;
    }
    response.setStatus(kept.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (kept.contentType() != null) {
      response.setContentType(kept.contentType());
    }
    byte[] body = kept.body() == null ? new byte[0] : kept.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Method, path, query and body: the same key must mean the same call. */
  static String fingerprint(HttpServletRequest request, String path, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((request.getMethod() + " " + path + "?" + request.getQueryString() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void rollbackQuietly() {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "回滚失败", e);
    }
  }
}
