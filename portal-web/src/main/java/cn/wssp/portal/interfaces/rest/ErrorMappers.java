package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.TooManyAttempts;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure leaves the API as {"error","message"} JSON with a fitting status. */
public final class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response toResponse(Throwable t) {
    Throwable cause = t;
    for (int i = 0; i < 10 && cause != null; i++) {
      if (cause instanceof cn.wssp.portal.interfaces.security.UploadGate.TooLarge tooLarge) {
        // A chunked body counted past its cap by UploadGate: refused, the connection closes.
        return ApiError.response(413, "TOO_LARGE", tooLarge.getMessage());
      }
      if (cause instanceof TooManyAttempts many) {
        return Response.fromResponse(ApiError.response(many.status(), many.code(), many.getMessage()))
            .header("Retry-After", String.valueOf(many.retryAfterSeconds())).build();
      }
      if (cause instanceof DomainException d) {
        return ApiError.response(d.status(), d.code(), d.getMessage());
      }
      if (cause instanceof jakarta.persistence.OptimisticLockException
          || cause instanceof jakarta.persistence.PessimisticLockException
          || cause instanceof jakarta.persistence.LockTimeoutException
          || isLockConflict(cause)) {
        // Two people acted on the same thing at once (two departments deciding, two clerks
        // accepting, parallel logins waiting on a throttle row): nothing of this request was kept.
        return ApiError.response(409, "INVALID_STATE", "刚有他人同时处理同一事项，本次操作未生效，请刷新后重试。");
      }
      if (cause instanceof WebApplicationException w) {
        int status = w.getResponse().getStatus();
        return ApiError.response(status, status == 404 ? "NOT_FOUND" : "HTTP_" + status,
            status == 404 ? "请求的地址不存在。" : status == 405 ? "不支持该请求方法。"
                : status == 415 ? "请求的内容类型不受支持。" : "请求无效（HTTP " + status + "）。");
      }
      if (cause instanceof jakarta.json.bind.JsonbException || cause instanceof jakarta.json.JsonException) {
        // The parser's own message names internal classes: the client is told what to fix only.
        return ApiError.response(400, "INVALID_JSON",
            "请求体不是有效的 JSON，或字段类型不对（例如数字写成了文字）。请检查后重试。");
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    LOG.log(Level.SEVERE, "未处理的错误", t);
    return ApiError.response(500, "INTERNAL_ERROR", "系统内部错误，请稍后重试；如持续出现请联系服务中心。");
  }

  /**
   * The database gave up waiting for a row another transaction holds (H2's lock timeout, HYT00,
   * which its driver raises as an SQLTimeoutException), or PostgreSQL refused a serialization,
   * deadlock or lock-not-available: two people acted on the same thing at once, as above. A
   * query that merely ran too long is not one of these: it stays a 500 and is logged.
   */
  static boolean isLockConflict(Throwable cause) {
    if (cause instanceof java.sql.SQLException sql) {
      String state = sql.getSQLState();
      return "HYT00".equals(state) || "40001".equals(state) || "40P01".equals(state)
          || "55P03".equals(state);
    }
    return false;
  }

  /**
   * One mapper for everything: JAX-RS picks the closest mapper by type, and the unwrapping
   * above must see the whole chain (transaction interceptors wrap domain exceptions).
   */
  @Provider
  public static class Any implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return ErrorMappers.toResponse(e);
    }
  }
}
