package cn.wssp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the automatic pre-review drains a queue (issue 11): {@code bench.apps} applications
 * for SCJG-0001, each with 3 × 1 MB materials as in {@link PortalMix}, are prepared as drafts,
 * then submitted together as fast as one client can; the time from each submit to its verdict,
 * and from the first submit to the last verdict, is what the portal's background pre-review
 * alone sustains (no other load). A plain {@code main}; the result is printed and written to
 * {@code target/prereview-drain.md}.
 *
 * <pre>
 * cd bench && mvn -B -ntp -q test-compile exec:java -Dexec.mainClass=cn.wssp.bench.PreReviewDrain \
 *     -Dportal.url=http://127.0.0.1:8080 -Dbench.apps=60
 * </pre>
 */
public final class PreReviewDrain {
  private static final String BASE = System.getProperty("portal.url", "http://127.0.0.1:8080");
  private static final int APPS = Integer.getInteger("bench.apps", 60);
  private static final List<String> MATERIALS =
      List.of("application-form", "business-license", "premises-layout");
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .build();
  private final String token;

  private PreReviewDrain() throws Exception {
    token = field(send("POST", "/api/v1/auth/token",
        "{\"username\":\"applicant\",\"password\":\"Demo-2026!\"}", false), "token");
  }

  public static void main(String[] args) throws Exception {
    new PreReviewDrain().run();
  }

  private void run() throws Exception {
    byte[] material = Materials.pdf(1 << 20);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < APPS; i++) {
      long id = Long.parseLong(field(send("POST", "/api/v1/applications",
          "{\"matterCode\":\"SCJG-0001\"}", true), "id"));
      for (String m : MATERIALS) {
        upload(id, m, Materials.unique(material));
      }
      ids.add(id);
    }
    Map<Long, Long> submitted = new HashMap<>();
    long start = System.nanoTime();
    for (long id : ids) {
      send("POST", "/api/v1/applications/" + id + "/submit", "", true);
      submitted.put(id, System.nanoTime());
    }
    long submitsDone = System.nanoTime();
    Map<Long, Long> verdicts = new HashMap<>();
    long deadline = start + 900_000_000_000L;
    while (verdicts.size() < ids.size() && System.nanoTime() < deadline) {
      for (long id : ids) {
        if (!verdicts.containsKey(id) && send("GET", "/api/v1/applications/" + id, null, true)
            .contains("\"preReview\"")) {
          verdicts.put(id, System.nanoTime());
        }
      }
      Thread.sleep(200);
    }
    long end = verdicts.values().stream().mapToLong(Long::longValue).max().orElse(start);
    long[] waits = ids.stream().filter(verdicts::containsKey)
        .mapToLong(id -> (verdicts.get(id) - submitted.get(id)) / 1_000_000).sorted().toArray();
    String result = String.format(java.util.Locale.ROOT,
        "| %d | %.1f s | %.1f s | %.2f | %d / %d / %d ms | %d |%n", ids.size(),
        (submitsDone - start) / 1e9, (end - start) / 1e9, verdicts.size() / ((end - start) / 1e9),
        pct(waits, 50), pct(waits, 95), waits.length == 0 ? 0 : waits[waits.length - 1],
        ids.size() - verdicts.size());
    String table = "| applications | submitting took | first submit to last verdict"
        + " | verdicts/s | wait p50 / p95 / max | no verdict |\n|---:|---:|---:|---:|---:|---:|\n"
        + result;
    System.out.print(table);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "prereview-drain.md"), table);
  }

  private void upload(long id, String material, byte[] bytes) throws Exception {
    String boundary = "----drain" + Long.toHexString(System.nanoTime());
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"material.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest r = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/applications/" + id
            + "/materials/" + material))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .PUT(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, bytes, tail))).build();
    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException("upload " + material + ": HTTP " + res.statusCode() + " "
          + res.body());
    }
  }

  private String send(String method, String path, String body, boolean bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (bearer) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": HTTP " + res.statusCode() + " "
          + res.body());
    }
    return res.body();
  }

  private static long pct(long[] sorted, int p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
