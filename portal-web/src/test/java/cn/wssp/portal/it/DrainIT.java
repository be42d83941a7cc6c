package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM drains before the portal stops (scale-out: a balancer takes the instance out, nothing
 * in progress is cut). A material upload is sent slowly; while it is in progress the portal gets
 * SIGTERM: /health/ready answers 503 at once and stays so, a new request is still served, the
 * upload completes with 200 and its digest, and the portal then exits by itself, well within
 * PORTAL_DRAIN_SECONDS, having finished its drain (not timed out).
 */
class DrainIT {
  private static final int DRAIN_SECONDS = 40;
  /** The upload's body goes out in this many pieces, {@link #PACE_MS} apart (about 8 s). */
  private static final int PIECES = 40;
  private static final long PACE_MS = 200;

  @Test
  void sigtermLetsTheRequestInProgressFinishThenStops() throws Exception {
    RunningPortal.onlyOnTheEmbeddedDatabase("draining on SIGTERM");
    try (RunningPortal portal = RunningPortal.dedicated("drain")) {
      portal.environment.put("PORTAL_DRAIN_SECONDS", String.valueOf(DRAIN_SECONDS));
      portal.start();
      Api applicant = Api.login(portal, "applicant");
      long id = ApiJourneyIT.create(applicant, "SCJG-0002");
      byte[] pdf = Materials.valid("SCJG-0002", "loss-statement");

      SlowBody body = new SlowBody(multipart(pdf));
      String boundary = body.boundary;
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      CompletableFuture<HttpResponse<String>> upload = http.sendAsync(HttpRequest.newBuilder(
              URI.create(portal.url() + "/api/v1/applications/" + id + "/materials/loss-statement"))
          .timeout(Duration.ofSeconds(120))
          .header("Authorization", "Bearer " + applicant.token)
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(body.started.await(30, TimeUnit.SECONDS), "the upload began");
      Thread.sleep(1000); // headers and the first pieces are at the portal: in progress there

      ProcessHandle process = ProcessHandle.of(portal.pid()).orElseThrow();
      Instant term = Instant.now();
      new ProcessBuilder("kill", "-TERM", String.valueOf(portal.pid())).start().waitFor();

      // Readiness: DOWN at once (503), and DOWN for as long as the drain lasts.
      Api anonymous = Api.anonymous(portal);
      Api.Reply ready = anonymous.get("/health/ready");
      for (int i = 0; i < 20 && ready.status() != 503; i++) {
        Thread.sleep(100);
        ready = anonymous.get("/health/ready");
      }
      assertEquals(503, ready.status(), "readiness DOWN within 2 s of SIGTERM: " + ready);
      assertTrue(ready.text().contains("draining"), ready.toString());
      assertFalse(upload.isDone(), "the upload is still in progress when readiness goes DOWN");
      assertTrue(body.sent() < PIECES, "the upload is still being sent");

      // What still arrives while the balancer notices is served, not refused.
      Api.Reply matters = anonymous.get("/api/v1/matters");
      assertEquals(200, matters.status(), "a new request during the drain: " + matters);

      // Polled as a balancer would, until the upload is done: always DOWN.
      List<Integer> answers = new ArrayList<>();
      while (!upload.isDone()) {
        answers.add(anonymous.get("/health/ready").status());
        Thread.sleep(500);
      }
      assertTrue(answers.stream().allMatch(s -> s == 503), "readiness while draining: " + answers);

      HttpResponse<String> done = upload.get(60, TimeUnit.SECONDS);
      assertEquals(200, done.statusCode(), "the upload in progress completed: " + done.body());
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
      assertTrue(done.body().contains(sha256), done.body());

      // Then the portal stops by itself: the drain ended with the upload, not at its bound.
      process.onExit().get(DRAIN_SECONDS + 30, TimeUnit.SECONDS);
      Duration took = Duration.between(term, Instant.now());
      String log = portal.logTail();
      assertTrue(took.toSeconds() < DRAIN_SECONDS, "stopped " + took + " after SIGTERM\n" + log);
      assertTrue(log.contains("排空完成"), "the drain finished (did not time out):\n" + log);
    }
  }

  private static final String BOUNDARY = "----wsspdrain" + System.nanoTime();

  private static byte[] multipart(byte[] content) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + "遗失声明.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    b.write(content);
    b.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  /** The body in {@link #PIECES} pieces, {@link #PACE_MS} apart: a slow client's upload. */
  private static final class SlowBody extends InputStream {
    final String boundary = BOUNDARY;
    final CountDownLatch started = new CountDownLatch(1);
    private final byte[] data;
    private final int piece;
    private int pos;
    private volatile int pieces;

    SlowBody(byte[] data) {
      this.data = data;
      this.piece = (data.length + PIECES - 1) / PIECES;
    }

    int sent() {
      return pieces;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      if (pieces > 0) {
        try {
          Thread.sleep(PACE_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
      int n = Math.min(Math.min(len, piece), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      pieces++;
      started.countDown();
      return n;
    }
  }
}
