package cn.wssp.portal.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body of API.md: {"error": CODE, "message": human text}. */
public record ApiError(String error, String message) {
  public static Response response(int status, String code, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(new ApiError(code, message)).build();
  }
}
