package cn.wssp.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small REST v1 client over real HTTP, as an enterprise system or curl would use it. */
final class Api {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  final String base;
  final String token;
  /** Sent as X-Forwarded-For (the test portal trusts 127.0.0.1 as a proxy), or null. */
  final String forwardedFor;

  private Api(String base, String token) {
    this(base, token, null);
  }

  private Api(String base, String token, String forwardedFor) {
    this.base = base;
    this.token = token;
    this.forwardedFor = forwardedFor;
  }

  /** The same client seen by the portal as coming from another address (through the proxy). */
  Api from(String address) {
    return new Api(base, token, address);
  }

  static Api anonymous(RunningPortal portal) {
    return new Api(portal.url(), null);
  }

  static Api login(RunningPortal portal, String username) throws Exception {
    return login(portal, username, "Demo-2026!");
  }

  static Api login(RunningPortal portal, String username, String password) throws Exception {
    Reply r = anonymous(portal).post("/api/v1/auth/token",
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (r.status != 200) {
      throw new AssertionError("login of " + username + " failed: " + r);
    }
    return new Api(portal.url(), r.json().getString("token"));
  }

  record Reply(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return (JsonObject) structure();
    }

    JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(text()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      String t = text();
      return status + " " + (t.length() > 2000 ? t.substring(0, 2000) : t);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return b;
  }

  Reply get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  Reply post(String path, String json) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
  }

  /** A POST sent with an Idempotency-Key, as a client that may repeat it does. */
  Reply post(String path, String json, String idempotencyKey) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
  }

  Reply put(String path, String json) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Reply delete(String path) throws Exception {
    return send(request(path).DELETE().build());
  }

  Reply putFile(String path, String fileName, byte[] content) throws Exception {
    return multipart("PUT", path, fileName, content, java.util.Map.of());
  }

  /** With more request headers (e.g. the file's declared size, Upload-Length). */
  Reply putFile(String path, String fileName, byte[] content, java.util.Map<String, String> headers)
      throws Exception {
    return multipart("PUT", path, fileName, content, headers);
  }

  Reply postFile(String path, String fileName, byte[] content) throws Exception {
    return multipart("POST", path, fileName, content, java.util.Map.of());
  }

  private Reply multipart(String method, String path, String fileName, byte[] content,
      java.util.Map<String, String> headers) throws Exception {
    String boundary = "----wssp" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = request(path);
    headers.forEach(request::header);
    return send(request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /**
   * A multipart PUT of {@code size} bytes read from {@code content} as it is sent, with the
   * file's size declared (Upload-Length) as the portal's pages declare it.
   */
  Reply putStream(String path, String fileName, long size, java.io.InputStream content)
      throws Exception {
    String boundary = "----wssp" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
            java.util.Collections.enumeration(java.util.List.of(
                new java.io.ByteArrayInputStream(head), content,
                new java.io.ByteArrayInputStream(tail))))),
        head.length + size + tail.length);
    // A client of its own: the JDK client may pull a body stream on its one selector thread, and
    // a stream that holds (a crash test) would hold every other call of a shared client.
    HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<byte[]> r = own.send(request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Upload-Length", String.valueOf(size))
        .timeout(Duration.ofMinutes(10)).PUT(body).build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
        r.headers());
  }

  private static Reply send(HttpRequest request) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
        r.headers());
  }

  static String str(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null
        : v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
  }
}
