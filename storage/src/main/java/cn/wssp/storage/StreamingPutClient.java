package cn.wssp.storage;

import io.minio.MinioAsyncClient;
import io.minio.Signer;
import io.minio.credentials.Credentials;
import io.minio.http.HttpUtils;
import io.minio.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * An object of known length written by one PUT whose body streams from the sender as it
 * arrives: the store receives the first bytes while the sender is still sending the rest, and
 * nothing is held but a 64 KiB buffer.
 *
 * <p>The SDK cannot do this over plain HTTP: it signs each request's payload (SigV4's {@code
 * x-amz-content-sha256} is the SHA-256 of the bytes), so it reads a whole part before it sends
 * a byte, and a 5 MB file through the portal took the time to receive it plus the time to send
 * it. Here the request is signed with {@code UNSIGNED-PAYLOAD}, which S3, MinIO, Ceph RGW and
 * S3Proxy accept over HTTP too: the signature covers the request's headers and length, not its
 * bytes. The bytes' integrity is the SHA-256 computed here as they pass, which the caller
 * records and every read checks.
 *
 * <p>A sub-class of the SDK's client only to use, not repeat, what it keeps protected: the
 * request's address (path or virtual-host style), the bucket's region, the credentials, the
 * HTTP client and its pool.
 *
 * <p>The length is part of the request (Content-Length). A sender who sends fewer or more bytes
 * than declared makes the request fail before its last byte is sent, and a server stores no
 * object from a request whose body did not arrive whole.
 */
final class StreamingPutClient extends MinioAsyncClient {
  private static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final int BUFFER = 64 * 1024;

  StreamingPutClient(MinioAsyncClient client) {
    super(client);
  }

  /**
   * Writes exactly {@code size} bytes of {@code in} under {@code key}.
   *
   * @param headers the object's headers (Content-Type, server-side encryption)
   * @return the SHA-256 of the bytes, as they passed
   * @throws LengthMismatch the sender's stream was shorter or longer than {@code size}
   * @throws SenderStalledException the server gave up waiting for the sender's bytes
   * @throws StorageException the server refused the object
   */
  byte[] put(String bucket, String key, InputStream in, long size, Map<String, String> headers,
      MessageDigest sha) throws Exception {
    String region = getRegion(bucket, null);
    HttpUrl url = buildUrl(Method.PUT, bucket, key, region, null);
    Credentials credentials = provider.fetch();
    Request.Builder request = new Request.Builder().url(url)
        .header("Host", HttpUtils.getHostHeader(url))
        .header("x-amz-content-sha256", UNSIGNED)
        .header("x-amz-date", ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE))
        .put(new Streamed(in, size, sha));
    headers.forEach(request::header);
    if (credentials.sessionToken() != null) {
      request.header("X-Amz-Security-Token", credentials.sessionToken());
    }
    Request signed = Signer.signV4S3(request.build(), region, credentials.accessKey(),
        credentials.secretKey(), UNSIGNED);
    try (Response response = httpClient.newCall(signed).execute()) {
      if (!response.isSuccessful()) {
        String body = response.body() == null ? "" : response.body().string();
        String error = errorCode(body);
        if (error.startsWith("RequestTimeout") || error.startsWith("IncompleteBody")) {
          // The store waited for the sender's bytes, which stream through: the sender's fault.
          throw new SenderStalledException("对象 " + key + " 的数据来得太慢或中断，存储服务器已放弃："
              + error);
        }
        throw new StorageException("HTTP " + response.code() + " " + error);
      }
    }
    return sha.digest();
  }

  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  /** The S3 error's code and message from its XML body, for the log and the refusal. */
  private static String errorCode(String xml) {
    Matcher code = ERROR_CODE.matcher(xml);
    Matcher message = ERROR_MESSAGE.matcher(xml);
    return (code.find() ? code.group(1) : "") + (message.find() ? " " + message.group(1) : "");
  }

  /** The sender's stream had another length than the one the request declared. */
  static final class LengthMismatch extends IOException {
    final long declared;
    final long actual;
    final boolean more;

    LengthMismatch(long declared, long actual, boolean more) {
      super("declared " + declared + ", " + (more ? "more than " + actual : actual + "") + " sent");
      this.declared = declared;
      this.actual = actual;
      this.more = more;
    }
  }

  /**
   * The body: copies the sender's bytes through the digest. Sent once (a retry could not read
   * them again), and its last chunk only after the sender's stream was seen to end there.
   */
  private static final class Streamed extends RequestBody {
    private final InputStream in;
    private final long size;
    private final MessageDigest sha;

    Streamed(InputStream in, long size, MessageDigest sha) {
      this.in = in;
      this.size = size;
      this.sha = sha;
    }

    @Override
    public MediaType contentType() {
      return null; // the Content-Type header is the object's, set with the others
    }

    @Override
    public long contentLength() {
      return size;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      byte[] buffer = new byte[BUFFER];
      long left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new LengthMismatch(size, size - left, false);
        }
        left -= n;
        if (left == 0 && in.read() >= 0) {
          // Fail before the last bytes go: the server never sees a complete body.
          throw new LengthMismatch(size, size, true);
        }
        sha.update(buffer, 0, n);
        sink.write(buffer, 0, n);
      }
    }
  }
}
