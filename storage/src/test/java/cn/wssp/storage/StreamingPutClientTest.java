package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import io.minio.MinioAsyncClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the object store cannot show: that the PUT's body leaves while the sender is still
 * sending. The sender below gives half of its bytes and then waits until the server has
 * received some: a client that read the whole body before sending (as the SDK's putObject
 * does over HTTP) would never get there. The server is the JDK's, recording what it got; that
 * S3 servers accept the request is {@link ObjectStoreContract}'s part (S3Proxy, Ceph RGW).
 */
class StreamingPutClientTest {
  private HttpServer server;
  private final CountDownLatch firstBytesArrived = new CountDownLatch(1);
  private final AtomicLong received = new AtomicLong();
  private final AtomicReference<String> signed = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/bucket/", exchange -> {
      signed.set(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"));
      byte[] buffer = new byte[8192];
      try (InputStream body = exchange.getRequestBody()) {
        for (int n; (n = body.read(buffer)) >= 0; ) {
          received.addAndGet(n);
          firstBytesArrived.countDown();
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theBodyLeavesWhileTheSenderIsStillSending() throws Exception {
    int half = 2 << 20;
    byte[] data = ObjectStoreContract.random(2 * half);
    InputStream sender = new InputStream() {
      private final InputStream first = new ByteArrayInputStream(data, 0, half);
      private final InputStream second = new ByteArrayInputStream(data, half, half);
      private boolean waited;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = first.read(b, off, len);
        if (n >= 0) {
          return n;
        }
        if (!waited) {
          waited = true;
          try {
            if (!firstBytesArrived.await(20, TimeUnit.SECONDS)) {
              throw new IOException("no byte reached the server while the sender waited");
            }
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
        }
        return second.read(b, off, len);
      }
    };
    MinioAsyncClient sdk = MinioAsyncClient.builder()
        .endpoint("http://127.0.0.1:" + server.getAddress().getPort())
        .credentials("access", "secret-key-0000").region("us-east-1").build();
    byte[] sha = new StreamingPutClient(sdk).put("bucket", "key", sender, data.length,
        Map.of("Content-Type", "application/pdf"), MessageDigest.getInstance("SHA-256"));
    assertEquals(data.length, received.get());
    assertEquals(ObjectStoreContract.sha(data), java.util.HexFormat.of().formatHex(sha));
    assertEquals("UNSIGNED-PAYLOAD", signed.get());
  }
}
