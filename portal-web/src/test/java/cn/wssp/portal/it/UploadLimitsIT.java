package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ASVS L2 items 2 and 3 on the real portal, over raw sockets: a refused body is refused before
 * it is received (401 / 413 at once, and the connection closed rather than the body swallowed),
 * a chunked body is cut off at the cap, and no upload leaves a copy in the temp folder (0700).
 * "Received" is measured in body bytes the server took before the connection broke, not time.
 */
class UploadLimitsIT {
  /** Kernel buffers on both ends of a loopback connection hold a few MiB at most. */
  static final long FEW_MIB = 8L << 20;
  /**
   * What the kernel may hold of a body the server was reading when it stopped: its receive
   * buffer grows with the reads (autotuning, up to tcp_rmem's maximum: 6 MiB by default, 32 MiB
   * on the CI machine), plus the client's 64 KiB send buffer and a MiB for what is in flight.
   */
  static final long READING_SERVER_BUFFERS =
      Math.max(FEW_MIB, receiveBufferMax() + (1L << 20) + (64L << 10));
  static final long ONE_GIB = 1L << 30;
  static final String MATERIAL = "/api/v1/applications/%d/materials/application-form";

  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.shared();
  }

  @Test
  void anonymousGigabytePutIsAnswered401AndClosedBeforeTheBody() throws Exception {
    Raw r = Raw.send(portal, "PUT", MATERIAL.formatted(1), null, ONE_GIB, ONE_GIB);
    assertEquals(401, r.status, r.toString());
    assertEquals("UNAUTHORIZED", r.json().getString("error"), r.toString());
    assertFalse(r.json().getString("message").isBlank());
    assertEquals("close", r.header("connection"), r.toString());
    assertTrue(r.closedByServer, "the connection must be closed, not drained: " + r);
    assertTrue(r.written < FEW_MIB, "server took " + r.written + " body bytes before closing");
  }

  @Test
  void overCapContentLengthIsAnswered413AndClosedAtOnce() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    Raw r = Raw.send(portal, "PUT", MATERIAL.formatted(id), applicant.token, ONE_GIB, ONE_GIB);
    assertEquals(413, r.status, r.toString());
    assertEquals("TOO_LARGE", r.json().getString("error"), r.toString());
    assertTrue(r.json().getString("message").contains("上限"), r.toString());
    assertEquals("close", r.header("connection"), r.toString());
    assertTrue(r.closedByServer, "the connection must be closed, not drained: " + r);
    assertTrue(r.written < FEW_MIB, "server took " + r.written + " body bytes before closing");
  }

  @Test
  void chunkedUploadIsCutOffAtTheCapAndTheEarlierFileStays() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    byte[] first = Materials.valid("SCJG-0001", "application-form");
    ApiJourneyIT.upload(applicant, id, "application-form", "申请书.pdf", first);
    String sha = sha256(first);

    long limit = RunningPortal.UPLOAD_CAP + READING_SERVER_BUFFERS + (32L << 20);
    Raw r = Raw.send(portal, "PUT", MATERIAL.formatted(id), applicant.token, -1, limit);
    assertEquals(413, r.status, r.toString());
    assertEquals("TOO_LARGE", r.json().getString("error"), r.toString());
    assertEquals("close", r.header("connection"), r.toString());
    assertTrue(r.closedByServer, "the connection must be closed, not drained: " + r);
    assertTrue(r.written > RunningPortal.UPLOAD_CAP, "refused only past the cap: " + r.written);
    assertTrue(r.written < RunningPortal.UPLOAD_CAP + READING_SERVER_BUFFERS, "server took "
        + r.written + " body bytes, cap " + RunningPortal.UPLOAD_CAP + ", kernel buffers up to "
        + READING_SERVER_BUFFERS);

    JsonObject material = applicant.get("/api/v1/applications/" + id).json()
        .getJsonArray("materials").stream().map(JsonValue::asJsonObject)
        .filter(m -> m.getString("materialCode").equals("application-form")).findFirst().orElseThrow();
    assertEquals(sha, material.getString("sha256"), "the earlier file is still the material");
    Api.Reply file = applicant.get(MATERIAL.formatted(id));
    assertEquals(200, file.status());
    assertEquals(sha, sha256(file.body()), "the stored bytes are the earlier file's");
  }

  /**
   * A declared size over the cap is refused before the body, as a Content-Length is; a file of
   * its declared size streams to the store whole; one of another size is refused, and neither
   * a row nor an object is left of it.
   */
  @Test
  void aDeclaredSizeIsHeldToAndTheWrongOneLeavesNothing() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    Raw tooLarge = Raw.send(portal, "PUT", MATERIAL.formatted(id), applicant.token, -1, ONE_GIB,
        Map.of("Upload-Length", String.valueOf(RunningPortal.UPLOAD_CAP + 1)));
    assertEquals(413, tooLarge.status, tooLarge.toString());
    assertEquals("TOO_LARGE", tooLarge.json().getString("error"), tooLarge.toString());
    assertTrue(tooLarge.written < FEW_MIB, "server took " + tooLarge.written + " body bytes");

    byte[] file = TestFiles.bytes(3 << 20); // above 1 MiB: one PUT, streamed
    String path = MATERIAL.formatted(id);
    Api.Reply ok = applicant.putFile(path, "申请书.pdf", file,
        Map.of("Upload-Length", String.valueOf(file.length)));
    assertEquals(200, ok.status(), ok.toString());
    assertEquals(sha256(file), ok.json().getString("sha256"));
    assertEquals(file.length, ok.json().getJsonNumber("size").longValue());
    assertEquals(sha256(file), sha256(applicant.get(path).body()), "stored whole");

    // Raw sockets, as for the other refusals: a refused body's unread rest is not read, the
    // connection closes, and only a client reading while it sends is sure to see the answer.
    long body = (3 << 20) + 1000; // the file within it: the body less its boundaries and headers
    for (long declared : new long[] {body, body - 1000, 10}) { // the file shorter, longer, much longer
      Raw wrong = Raw.send(portal, "PUT", path, applicant.token, body, body,
          Map.of("Upload-Length", String.valueOf(declared)));
      assertEquals(400, wrong.status, declared + ": " + wrong);
      assertEquals("SIZE_MISMATCH", wrong.json().getString("error"), wrong.toString());
      assertTrue(wrong.json().getString("message").contains(declared + " 字节"), wrong.toString());
    }
    byte[] other = TestFiles.bytes(1000); // small: refused before its body is read
    Api.Reply notANumber = applicant.putFile(path, "另一份.pdf", other, Map.of("Upload-Length", "3MB"));
    assertEquals(400, notANumber.status(), notANumber.toString());
    assertTrue(notANumber.json().getString("message").contains("Upload-Length"), notANumber.toString());
    assertEquals(sha256(file), sha256(applicant.get(path).body()), "the earlier file stays");
    Path folder = portal.dataDir.resolve("objects").resolve("wssp")
        .resolve("applications/" + id + "/materials/application-form");
    for (int i = 0; i < 20 && objectsIn(folder) != 1; i++) {
      Thread.sleep(250); // a refused PUT ends on the store's side a moment later
    }
    assertEquals(1, objectsIn(folder), "only the accepted file's object: " + folder);
  }

  /** The third value of /proc/sys/net/ipv4/tcp_rmem; Linux's default where it cannot be read. */
  static long receiveBufferMax() {
    try {
      // Read by lines: Files.readString / readAllBytes trust the file's size, and on some
      // kernels /proc reports one byte ("4" of "4096 131072 33554432": the bound fell back to
      // 6 MiB on a machine with 32 MiB, and a chunked upload cut off at the cap "overran" it).
      String[] values = Files.readAllLines(Path.of("/proc/sys/net/ipv4/tcp_rmem")).get(0).trim()
          .split("\\s+");
      return Long.parseLong(values[2]);
    } catch (IOException | RuntimeException unreadable) {
      return 32L << 20; // unknown: the largest seen on these machines
    }
  }

  private static long objectsIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void pageAndApiUploadsLeaveNothingInTheTempFolder() throws Exception {
    Path tmp = portal.dataDir.resolve("tmp");
    Map<Path, Long> before = files(tmp);

    // An anonymous 300 MB multipart post to the verification page: 413 at once.
    Raw big = Raw.send(portal, "POST", "/verify.xhtml", null, 300L << 20, 300L << 20);
    assertEquals(413, big.status, big.toString());
    assertTrue(big.closedByServer, big.toString());
    assertTrue(big.written < FEW_MIB, "server took " + big.written + " body bytes before closing");
    // One that fits but is broken off half-way: the container's partial part must go too.
    Raw aborted = Raw.send(portal, "POST", "/verify.xhtml", null, 20L << 20, 10L << 20);
    assertEquals(0, aborted.status, "no answer expected before the body ends: " + aborted);
    assertFalse(aborted.closedByServer, aborted.toString());
    // One that is received whole (a Faces post without a view): its part is deleted after use.
    Raw whole = Raw.send(portal, "POST", "/verify.xhtml", null, 3L << 20, 3L << 20);
    assertTrue(whole.status > 0, whole.toString());
    // And a material through the API, spooled and stored.
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    ApiJourneyIT.upload(applicant, id, "application-form", "大文件.pdf", TestFiles.bytes(3 << 20));

    List<String> left = List.of();
    for (int i = 0; i < 20; i++) { // the aborted request ends on the server a moment later
      Map<Path, Long> after = files(tmp);
      left = after.entrySet().stream()
          .filter(e -> e.getValue() > (512 << 10) && !e.getValue().equals(before.get(e.getKey())))
          .map(e -> e.getKey() + " (" + e.getValue() + " bytes)").toList();
      List<String> parts = after.keySet().stream().map(p -> p.getFileName().toString())
          .filter(n -> n.matches("(upload_.*\\.tmp|upload-.*\\.bin|MIME.*\\.tmp)")).toList();
      if (left.isEmpty() && parts.isEmpty()) {
        return;
      }
      left = Stream.concat(left.stream(), parts.stream()).toList();
      Thread.sleep(500);
    }
    fail("uploads left behind in " + tmp + ": " + left);
  }

  @Test
  void theTempFolderIsForThePortalOnly() throws Exception {
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(portal.dataDir.resolve("tmp"))));
  }

  private static Map<Path, Long> files(Path root) throws IOException {
    Map<Path, Long> sizes = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> {
        try {
          sizes.put(p, Files.size(p));
        } catch (IOException gone) {
          // deleted while walking
        }
      });
    }
    return sizes;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /**
   * One multipart request over a raw socket: the head, then body bytes in a loop while another
   * thread reads the answer, until the server closes the connection (a write fails), the body
   * is complete, or {@code stopAfter} bytes were written. {@code length} -1 sends it chunked.
   */
  static final class Raw {
    int status;
    String head = "";
    byte[] body = new byte[0];
    long written;
    boolean closedByServer;

    static Raw send(RunningPortal portal, String method, String path, String token, long length,
        long stopAfter) throws Exception {
      return send(portal, method, path, token, length, stopAfter, Map.of());
    }

    static Raw send(RunningPortal portal, String method, String path, String token, long length,
        long stopAfter, Map<String, String> headers) throws Exception {
      Raw raw = new Raw();
      String boundary = "----wsspLimits" + System.nanoTime();
      byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
          + " filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n")
          .getBytes(StandardCharsets.UTF_8);
      byte[] epilogue = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      boolean chunked = length < 0;
      try (Socket socket = new Socket()) {
        socket.setSendBufferSize(64 << 10);
        socket.connect(new InetSocketAddress("127.0.0.1", portal.port), 10_000);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
          try (InputStream in = socket.getInputStream()) {
            in.transferTo(answer);
          } catch (IOException ignored) {
            // reset by the server after its answer: what was read is kept
          }
        });
        reader.setDaemon(true);
        Thread watchdog = new Thread(() -> {
          try {
            Thread.sleep(120_000);
            socket.close();
          } catch (Exception ignored) {
            // done in time
          }
        });
        watchdog.setDaemon(true);
        OutputStream out = socket.getOutputStream();
        StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + portal.port + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\n");
        h.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
        if (token != null) {
          h.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        headers.forEach((name, value) -> h.append(name).append(": ").append(value).append("\r\n"));
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        reader.start();
        watchdog.start();
        byte[] chunk = new byte[64 << 10];
        java.util.Arrays.fill(chunk, (byte) 'A');
        long fileBytes = chunked ? Long.MAX_VALUE : length - preamble.length - epilogue.length;
        try {
          raw.written += write(out, preamble, chunked);
          long sent = 0;
          while (sent < fileBytes && raw.written < stopAfter) {
            int n = (int) Math.min(chunk.length, fileBytes - sent);
            raw.written += write(out, n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n), chunked);
            sent += n;
          }
          if (sent >= fileBytes) {
            raw.written += write(out, epilogue, chunked);
            if (chunked) {
              out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
          }
        } catch (IOException closed) {
          raw.closedByServer = true;
        }
        boolean complete = !chunked && raw.written >= length;
        if (raw.closedByServer) {
          reader.join(30_000);
        } else if (complete) {
          for (int i = 0; i < 300 && !raw.parse(snapshot(answer)); i++) {
            Thread.sleep(100);
          }
        } else {
          socket.setSoLinger(true, 0); // broken off by the client: a reset, no answer awaited
        }
        watchdog.interrupt();
        raw.parse(snapshot(answer));
      }
      return raw;
    }

    private static int write(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
      if (chunked) {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      } else {
        out.write(bytes);
      }
      return bytes.length;
    }

    private static byte[] snapshot(ByteArrayOutputStream answer) {
      synchronized (answer) {
        return answer.toByteArray();
      }
    }

    /** Reads the answer so far; true when it is complete (by its Content-Length). */
    private boolean parse(byte[] answer) {
      String text = new String(answer, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.1 ") || end < 0) {
        return false;
      }
      head = text.substring(0, end);
      status = Integer.parseInt(text.substring(9, 12));
      body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
      String declared = header("content-length");
      return declared != null && body.length >= Long.parseLong(declared);
    }

    String header(String name) {
      return head.lines().filter(l -> l.toLowerCase().startsWith(name + ":"))
          .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
        return reader.readObject();
      }
    }

    @Override
    public String toString() {
      return "status " + status + ", " + written + " body bytes written, closed by server: "
          + closedByServer + "\n" + head + "\n" + new String(body, StandardCharsets.UTF_8);
    }
  }
}
