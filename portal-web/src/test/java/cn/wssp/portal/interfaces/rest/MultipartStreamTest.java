package cn.wssp.portal.interfaces.rest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader against bodies as browsers and curl send them. */
class MultipartStreamTest {
  static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

  record Read(String name, String fileName, byte[] content) {}

  @Test
  void readsFieldsAndFileWithTheirHeaders() throws Exception {
    byte[] file = "%PDF-1.7\r\n--not the boundary\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = body(part("note", null, "你好".getBytes(StandardCharsets.UTF_8)),
        part("file", "申请书.pdf", file));
    List<Read> parts = readAll(new ByteArrayInputStream(body));
    assertEquals(2, parts.size());
    assertEquals("note", parts.get(0).name());
    assertEquals("你好", new String(parts.get(0).content(), StandardCharsets.UTF_8));
    assertEquals("file", parts.get(1).name());
    assertEquals("申请书.pdf", parts.get(1).fileName(), "raw UTF-8 in filename= is decoded");
    assertArrayEquals(file, parts.get(1).content());
  }

  /** Boundaries split across reads at every position, content holding near-boundaries. */
  @Test
  void sameResultWhateverTheReadSizes() throws Exception {
    Random random = new Random(7);
    byte[] file = new byte[300_000];
    random.nextBytes(file);
    byte[] almost = ("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.ISO_8859_1);
    for (int at : new int[] {0, 65_530, 131_000, 299_000}) {
      System.arraycopy(almost, 0, file, at, almost.length);
    }
    byte[] body = body(part("a", null, new byte[0]), part("file", "x.bin", file));
    for (int chunk : new int[] {1, 3, 70, 4096, 65_536, 1 << 20}) {
      List<Read> parts = readAll(new Trickle(body, chunk, random));
      assertEquals(0, parts.get(0).content().length, "chunk " + chunk);
      assertArrayEquals(file, parts.get(1).content(), "chunk " + chunk);
    }
  }

  /**
   * Content made of the delimiter's own bytes: near-delimiters that end like it, differ in one
   * place or are cut short, runs of its dashes; found at every read size as a plain scan would.
   */
  @Test
  void contentOfTheDelimitersOwnBytesIsKept() throws Exception {
    Random random = new Random(11);
    byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (int k = 0; k < 5_000; k++) {
      byte[] near = delimiter.clone();
      switch (random.nextInt(4)) {
        case 0 -> near[1 + random.nextInt(near.length - 1)] ^= 1; // one byte differs
        case 1 -> near = java.util.Arrays.copyOfRange(near, 1 + random.nextInt(near.length - 1), near.length);
        case 2 -> near = java.util.Arrays.copyOf(near, random.nextInt(near.length));
        default -> java.util.Arrays.fill(near, (byte) '-');
      }
      content.writeBytes(near);
      content.write(random.nextBoolean() ? 0 : '-'); // a byte the delimiter has, or one it has not
    }
    byte[] file = content.toByteArray();
    assertEquals(-1, indexOf(file, delimiter), "the test's content holds no real delimiter");
    byte[] body = body(part("file", "x.bin", file), part("b", null, "后".getBytes(StandardCharsets.UTF_8)));
    for (int chunk : new int[] {1, 7, 45, 4096, 1 << 20}) {
      List<Read> parts = readAll(new Trickle(body, chunk, random));
      assertArrayEquals(file, parts.get(0).content(), "chunk " + chunk);
      assertEquals("后", new String(parts.get(1).content(), StandardCharsets.UTF_8), "chunk " + chunk);
    }
  }

  static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i <= data.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void preambleEpilogueAndPaddingAreIgnored() throws Exception {
    String text = "preamble to skip\r\n--" + BOUNDARY + "  \r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E8%90%A5%E4%B8%9A.pdf\r\n"
        + "\r\nbody\r\n--" + BOUNDARY + "--\r\nepilogue";
    List<Read> parts = readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(1, parts.size());
    assertEquals("营业.pdf", parts.get(0).fileName());
    assertEquals("body", new String(parts.get(0).content(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aBodyCutShortIsAnErrorNotAShortFile() {
    byte[] body = body(part("file", "x.bin", new byte[10_000]));
    byte[] cut = java.util.Arrays.copyOf(body, body.length - 60);
    assertThrows(EOFException.class, () -> readAll(new ByteArrayInputStream(cut)));
  }

  @Test
  void endlessHeadersAreRefused() {
    byte[] body = ("--" + BOUNDARY + "\r\nX: " + "a".repeat(20_000) + "\r\n\r\nx\r\n--" + BOUNDARY
        + "--").getBytes(StandardCharsets.ISO_8859_1);
    IOException e = assertThrows(IOException.class, () -> readAll(new ByteArrayInputStream(body)));
    assertTrue(e.getMessage().contains("headers"), e.getMessage());
  }

  @Test
  void boundaryComesFromTheContentType() {
    assertEquals("abc", MultipartStream.boundaryOf("multipart/form-data; boundary=abc"));
    assertEquals("a b;c", MultipartStream.boundaryOf("multipart/form-data; boundary=\"a b;c\""));
    assertNull(MultipartStream.boundaryOf("multipart/form-data"));
    assertNull(MultipartStream.boundaryOf(null));
  }

  static List<Read> readAll(InputStream in) throws IOException {
    MultipartStream stream = new MultipartStream(in, BOUNDARY);
    List<Read> parts = new ArrayList<>();
    for (Optional<MultipartStream.Part> p = stream.next(); p.isPresent(); p = stream.next()) {
      parts.add(new Read(p.get().fieldName(), Multipart.fileName(p.get()),
          p.get().content().readAllBytes()));
    }
    return parts;
  }

  static byte[] part(String name, String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n";
    out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(disposition.getBytes(StandardCharsets.UTF_8)); // as browsers send names
    out.writeBytes("Content-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  static byte[] body(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  /** Hands out at most {@code chunk} bytes per read, fewer at random, like a network. */
  static final class Trickle extends InputStream {
    private final byte[] data;
    private final int chunk;
    private final Random random;
    private int pos;

    Trickle(byte[] data, int chunk, Random random) {
      this.data = data;
      this.chunk = chunk;
      this.random = random;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(chunk)), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
