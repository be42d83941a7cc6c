package cn.wssp.portal.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * JSON bodies of the API are small (a matter code, a reason, a PIN): at most 1 MB. A declared
 * larger body is refused with 413 before it is read; a body of unknown length stops being read
 * at the limit. Uploads (multipart) have their own, larger caps.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodyLimit extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final long MAX_JSON_BYTES = 1L << 20;

  /** Thrown by the capped stream; the exception mapper answers 413. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("request body over " + MAX_JSON_BYTES + " bytes");
    }
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_JSON_BYTES) {
      response.setHeader("Connection", "close");
      ApiError.write(response, 413, "TOO_LARGE", "请求体超过 1 MB 上限。");
      return;
    }
    chain.doFilter(new Capped(request), response);
  }

  private static final class Capped extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Capped(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_JSON_BYTES) {
              throw new TooLarge();
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > MAX_JSON_BYTES) {
              throw new TooLarge();
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
