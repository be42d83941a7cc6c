package cn.wssp.portal.interfaces.rest;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response held back until its transaction has committed: nothing reaches the client before
 * the outcome is durable, so a client never sees a success that a crash then undoes. Status and
 * headers go to the real response (not committed until {@link #sendTo}); the body is kept here.
 */
final class BufferedResponse extends HttpServletResponseWrapper {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private ServletOutputStream stream;
  private PrintWriter writer;

  BufferedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream = new ServletOutputStream() {
        @Override
        public void write(int b) {
          body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          body.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new IllegalStateException("not an asynchronous response");
        }
      };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
    }
    return writer;
  }

  /** Held back: flushing would commit the real response before the transaction. */
  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void resetBuffer() {
    body.reset();
  }

  @Override
  public void reset() {
    super.reset();
    body.reset();
  }

  @Override
  public void setContentLength(int len) {
    // set from the kept bytes in sendTo
  }

  @Override
  public void setContentLengthLong(long len) {
    // set from the kept bytes in sendTo
  }

  byte[] bytes() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  void sendTo(HttpServletResponse response) throws IOException {
    byte[] bytes = bytes();
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
