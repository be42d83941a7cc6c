package cn.wssp.portal.interfaces.rest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** The error body of API.md: {"error": CODE, "message": human text}. */
public record ApiError(String error, String message) {
  public static Response response(int status, String code, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(new ApiError(code, message)).build();
  }

  /** The same body written by a servlet filter or the authentication mechanism. */
  public static void write(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    byte[] body = ("{\"error\":\"" + code + "\",\"message\":\""
        + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLengthLong(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
