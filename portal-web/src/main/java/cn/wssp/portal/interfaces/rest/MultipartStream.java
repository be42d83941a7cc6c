package cn.wssp.portal.interfaces.rest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A multipart/form-data body read one part at a time, straight from the wire (RFC 7578 / 2046).
 * Each part's content is a stream that ends where the next boundary begins, so a file part goes
 * on to the object store while it arrives. Jersey's {@code List<EntityPart>} parses the whole
 * body first and spools every part to a temporary file: a 1 GiB material was written to disk
 * before the portal saw a byte of it, and again by the portal, before reaching the store.
 *
 * <p>Not thread-safe; one reader per request. Parts must be read in order: asking for the next
 * part skips what is left of the current one.
 */
final class MultipartStream {
  /** Part headers are a few short lines; more than this is not a form post. */
  private static final int HEADER_LIMIT = 16 * 1024;
  private static final int BUFFER = 64 * 1024;

  /** One part: its headers (names lower-cased, values as sent, ISO-8859-1) and its content. */
  record Part(Map<String, String> headers, InputStream content) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code name} parameter of Content-Disposition: the form field. */
    String fieldName() {
      return ContentDisposition.parameter(header("Content-Disposition"), "name");
    }
  }

  private final InputStream in;
  /** CRLF "--" boundary: what ends a part's content. */
  private final byte[] delimiter;
  private final int[] shift;
  private final byte[] buf;
  private int head;
  private int tail;
  private boolean eof;
  /**
   * No delimiter starts in buf[head, scanned): a part's content is searched once, not again on
   * every read (the SDK reads 16 KiB at a time from a 64 KiB window).
   */
  private int scanned;
  private boolean finished;
  private PartContent current;

  MultipartStream(InputStream in, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new IllegalArgumentException("multipart boundary missing or longer than 70 characters");
    }
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.shift = shifts(delimiter);
    this.buf = new byte[BUFFER + delimiter.length];
    // The first boundary is not preceded by CRLF when there is no preamble: supply one, so that
    // every boundary is found the same way.
    buf[0] = '\r';
    buf[1] = '\n';
    tail = 2;
  }

  /** The boundary parameter of a multipart Content-Type, or null. */
  static String boundaryOf(String contentType) {
    return contentType == null ? null : ContentDisposition.parameter(contentType, "boundary");
  }

  /**
   * The next part, or empty after the closing boundary.
   *
   * @throws IOException when the body ends early or is not multipart as declared
   */
  Optional<Part> next() throws IOException {
    if (finished) {
      return Optional.empty();
    }
    // Before the first part: the preamble, skipped the same way as the rest of a part.
    PartContent previous = current == null ? new PartContent() : current;
    previous.skipAll();
    int first = readByte();
    int second = readByte();
    if (first == '-' && second == '-') {
      finished = true;
      return Optional.empty();
    }
    // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
    while (first == ' ' || first == '\t') {
      first = second;
      second = readByte();
    }
    if (first != '\r' || second != '\n') {
      throw new IOException("multipart boundary not followed by CRLF");
    }
    Map<String, String> headers = readHeaders();
    current = new PartContent();
    return Optional.of(new Part(headers, current));
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    StringBuilder line = new StringBuilder();
    int total = 0;
    while (true) {
      int b = readByte();
      if (++total > HEADER_LIMIT) {
        throw new IOException("multipart part headers longer than " + HEADER_LIMIT + " bytes");
      }
      if (b != '\n') {
        line.append((char) b);
        continue;
      }
      int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
      String text = line.substring(0, end);
      line.setLength(0);
      if (text.isEmpty()) {
        return headers;
      }
      int colon = text.indexOf(':');
      if (colon > 0) {
        headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            text.substring(colon + 1).trim());
      }
    }
  }

  private int readByte() throws IOException {
    fill(1);
    if (tail == head) {
      throw new EOFException("multipart body ended before its closing boundary");
    }
    return buf[head++] & 0xFF;
  }

  /** Makes at least {@code want} bytes available unless the body has ended. */
  private void fill(int want) throws IOException {
    if (tail - head >= want || eof) {
      return;
    }
    System.arraycopy(buf, head, buf, 0, tail - head);
    tail -= head;
    scanned = Math.max(0, scanned - head);
    head = 0;
    while (tail < want && !eof) {
      int n = in.read(buf, tail, buf.length - tail);
      if (n < 0) {
        eof = true;
      } else {
        tail += n;
      }
    }
  }

  /**
   * Where the delimiter starts in buf[head, tail), or -1. Horspool's search: the byte under the
   * delimiter's last position tells how far it can move, the delimiter's length for a byte it
   * does not hold (most bytes of a file), so a large upload is scanned about once per 40 bytes
   * instead of at every byte.
   */
  private int findDelimiter() {
    int m = delimiter.length;
    int last = tail - m;
    byte end = delimiter[m - 1];
    for (int i = Math.max(head, scanned); i <= last; ) {
      byte at = buf[i + m - 1];
      if (at == end && matchesAt(i)) {
        scanned = i;
        return i;
      }
      i += shift[at & 0xFF];
    }
    scanned = Math.max(head, last + 1);
    return -1;
  }

  private boolean matchesAt(int i) {
    for (int j = 0; j < delimiter.length - 1; j++) {
      if (buf[i + j] != delimiter[j]) {
        return false;
      }
    }
    return true;
  }

  /** Horspool's table: how far the delimiter may move when this byte is under its last place. */
  private static int[] shifts(byte[] delimiter) {
    int m = delimiter.length;
    int[] shift = new int[256];
    java.util.Arrays.fill(shift, m);
    for (int j = 0; j < m - 1; j++) {
      shift[delimiter[j] & 0xFF] = m - 1 - j;
    }
    return shift;
  }

  /** One part's content: the bytes up to the next delimiter, which it consumes at its end. */
  private final class PartContent extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      fill(delimiter.length);
      int found = findDelimiter();
      int available;
      if (found >= 0) {
        available = found - head;
      } else if (eof) {
        throw new EOFException("multipart body ended inside a part");
      } else {
        // The last delimiter.length - 1 bytes may be the start of a delimiter: keep them.
        available = tail - head - (delimiter.length - 1);
      }
      if (available == 0) {
        head += delimiter.length;
        done = true;
        return -1;
      }
      int n = Math.min(len, available);
      System.arraycopy(buf, head, b, off, n);
      head += n;
      return n;
    }

    void skipAll() throws IOException {
      byte[] sink = new byte[8192];
      while (read(sink, 0, sink.length) >= 0) {
        // discard
      }
    }
  }
}
