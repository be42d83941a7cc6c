package cn.wssp.portal.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload as it arrives: counts the bytes, fails the moment they pass the cap, and remembers
 * whether it was the cap or the sender (a broken connection) that ended the read, because the
 * object store's SDK wraps both into its own failure and the answers differ (413 or 400, not 503).
 */
final class CappedInput extends FilterInputStream {
  /** Thrown from read when the cap is crossed. */
  static final class CapCrossed extends IOException {
    CapCrossed(long cap) {
      super("upload larger than " + cap + " bytes");
    }
  }

  private final long cap;
  private long count;
  private boolean capCrossed;
  private IOException senderFailure;

  CappedInput(InputStream in, long cap) {
    super(in);
    this.cap = cap;
  }

  long count() {
    return count;
  }

  boolean capCrossed() {
    return capCrossed;
  }

  /** The sender's read failure (connection reset, body ended early), or null. */
  IOException senderFailure() {
    return senderFailure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (capCrossed) {
      throw new CapCrossed(cap);
    }
    int n;
    try {
      n = in.read(b, off, (int) Math.min(len, cap + 1 - count));
    } catch (IOException e) {
      senderFailure = e;
      throw e;
    }
    if (n > 0) {
      count += n;
      if (count > cap) {
        capCrossed = true;
        throw new CapCrossed(cap);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    int read = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
