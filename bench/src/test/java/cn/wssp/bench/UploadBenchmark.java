package cn.wssp.bench;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 10: uploads through a RUNNING portal ({@code PUT /api/v1/applications/{id}/materials/
 * application-form}, multipart) against PUTs of the same bytes straight to the portal's own
 * embedded S3 server, in the same run, plus the portal's peak heap during one 1 GiB upload.
 *
 * <p>The portal leg declares the file's size ({@code Upload-Length}), as the portal's pages do.
 * Direct modes: <i>direct</i> is a plain SDK {@code putObject} with the size known (what any
 * client would do); <i>direct as portal</i> repeats what {@code MinioObjectStore.write} does for
 * an upload of a declared size (up to 1 MiB: SHA-256 over the bytes, user metadata, SDK; larger:
 * one PUT signed UNSIGNED-PAYLOAD whose body streams through a SHA-256). The rounds of the three
 * modes alternate, so drift on a shared machine hits them alike. MB = 2^20 bytes.
 *
 * <p>System properties: {@code portal.url} (http://127.0.0.1:18480), {@code portal.data}
 * (target/bench-data of the repository: the secrets/ and s3-embedded.pid of the running portal),
 * {@code s3.endpoint} (default: the port the embedded S3 server's process listens on, found with
 * {@code ss}), {@code portal.pid} (default: the java process whose command line names the data
 * folder), {@code bench.phases} (throughput,heap; also single: one
 * upload of {@code bench.singleMb} (200) MiB by {@code bench.single}: portal, direct or
 * direct-as-portal), {@code bench.rounds} (30,20,5: 100 KB, 5 MB,
 * 200 MB), {@code bench.warmup} (300,50,1: a portal serving all day is warm; 3 rounds measured its JIT), {@code bench.clients} (4), {@code bench.heapMb} (1024).
 */
public final class UploadBenchmark {
  private static final int MB = 1 << 20;
  private static final int DETECT_BYTES = 1 << 20;
  private static final String BUCKET = "bench-uploads";

  private final String portal = System.getProperty("portal.url", "http://127.0.0.1:18480");
  private final Path data = Path.of(System.getProperty("portal.data",
      Path.of("..", "target", "bench-data").toAbsolutePath().normalize().toString()));
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final MinioClient s3;
  /** The portal leg's client: OkHttp as in the SDK, TCP_NODELAY, 10 min for the 1 GiB upload. */
  private final okhttp3.OkHttpClient upload = new okhttp3.OkHttpClient.Builder()
      .socketFactory(new NoDelay()).connectTimeout(Duration.ofSeconds(10))
      .writeTimeout(Duration.ofMinutes(10)).readTimeout(Duration.ofMinutes(10))
      .callTimeout(Duration.ofMinutes(10)).build();
  private final String token;
  private final List<String> rows = new ArrayList<>();

  private UploadBenchmark() throws Exception {
    String endpoint = System.getProperty("s3.endpoint");
    if (endpoint == null) {
      endpoint = embeddedEndpoint();
    }
    String access = Files.readString(data.resolve("secrets/s3.access-key")).trim();
    String secret = Files.readString(data.resolve("secrets/s3.secret-key")).trim();
    // As MinioObjectStore: the same timeouts and TCP_NODELAY (without it about every second
    // small PUT waits 40 ms for a delayed ACK, which would flatter the portal).
    okhttp3.OkHttpClient http = io.minio.http.HttpUtils.newDefaultHttpClient(
        TimeUnit.SECONDS.toMillis(10), TimeUnit.MINUTES.toMillis(5), TimeUnit.MINUTES.toMillis(5))
        .newBuilder().socketFactory(new NoDelay()).build();
    s3 = MinioClient.builder().endpoint(endpoint).credentials(access, secret)
        .httpClient(http, true).build();
    System.out.println("portal " + portal + ", embedded S3 " + endpoint + ", data " + data);
    token = login();
  }

  public static void main(String[] args) throws Exception {
    UploadBenchmark b = new UploadBenchmark();
    List<String> phases = Arrays.asList(System.getProperty("bench.phases", "throughput,heap")
        .split(","));
    if (!b.s3.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
      b.s3.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
    }
    try {
      if (phases.contains("throughput")) {
        b.throughput();
      }
      if (phases.contains("single")) {
        b.single();
      }
      String heap = phases.contains("heap") ? b.peakHeap() : null;
      b.print(heap);
    } finally {
      b.cleanUp();
    }
  }

  // ---------------------------------------------------------------------------- throughput

  private void throughput() throws Exception {
    int[] rounds = ints(System.getProperty("bench.rounds", "30,20,5"));
    int[] warmup = ints(System.getProperty("bench.warmup", "300,50,1"));
    int clients = Integer.getInteger("bench.clients", 4);
    int[] sizes = {100 << 10, 5 * MB, 200 * MB};
    String[] labels = {"100 KB", "5 MB", "200 MB"};
    long app = createApplication();
    for (int s = 0; s < sizes.length; s++) {
      byte[] bytes = random(sizes[s], s);
      Mode[] modes = {
          new Mode("portal", () -> portalUpload(app, bytes)),
          new Mode("direct", () -> directPut("bench/seq", bytes)),
          new Mode("direct as portal", () -> directAsPortal("bench/seq-p", bytes))};
      for (int w = 0; w < warmup[s]; w++) {
        for (Mode m : modes) {
          m.call.run();
        }
      }
      long[][] ms = new long[modes.length][rounds[s]];
      long[] total = new long[modes.length];
      for (int r = 0; r < rounds[s]; r++) {
        for (int m = 0; m < modes.length; m++) {
          long t0 = System.nanoTime();
          modes[m].call.run();
          ms[m][r] = System.nanoTime() - t0;
          total[m] += ms[m][r];
        }
      }
      for (int m = 0; m < modes.length; m++) {
        row(labels[s], modes[m].name, 1, rounds[s], ms[m], total[m], sizes[s],
            m == 0 ? null : (double) total[m] / total[0]);
      }
      System.out.println("done: " + labels[s]);
    }
    // 5 MB by several clients at once: each its own application (portal) or key (direct).
    byte[] five = random(5 * MB, 7);
    long[] apps = new long[clients];
    for (int c = 0; c < clients; c++) {
      apps[c] = createApplication();
    }
    int n = rounds[1];
    Result4[] res = new Result4[3];
    for (int m = 0; m < 3; m++) {
      final int mode = m;
      concurrent(clients, warmup[1], c -> once(mode, apps[c], c, five)); // warm-up
      res[m] = concurrent(clients, n, c -> once(mode, apps[c], c, five));
    }
    String[] names = {"portal", "direct", "direct as portal"};
    for (int m = 0; m < 3; m++) {
      row("5 MB", names[m], clients, clients * n, res[m].ms, res[m].wallNanos * clients, 5 * MB,
          m == 0 ? null : (double) res[m].wallNanos / res[0].wallNanos);
    }
  }

  /**
   * Phase "single": one upload of bench.singleMb MiB by bench.single (portal, direct or
   * direct-as-portal), timed; for a profiler or bench/cpu-split.sh around it.
   */
  private void single() throws Exception {
    String mode = System.getProperty("bench.single", "portal");
    byte[] bytes = random(Integer.getInteger("bench.singleMb", 200) * MB, 13);
    long t0 = System.nanoTime();
    switch (mode) {
      case "portal" -> portalUpload(createApplication(), bytes);
      case "direct" -> directPut("bench/single", bytes);
      case "direct-as-portal" -> directAsPortal("bench/single", bytes);
      default -> throw new IllegalArgumentException("bench.single: " + mode);
    }
    System.out.printf("single %s %d MiB: %.0f ms%n", mode, bytes.length / MB,
        (System.nanoTime() - t0) / 1e6);
  }

  private void once(int mode, long app, int client, byte[] bytes) throws Exception {
    switch (mode) {
      case 0 -> portalUpload(app, bytes);
      case 1 -> directPut("bench/c" + client, bytes);
      default -> directAsPortal("bench/cp" + client, bytes);
    }
  }

  private record Result4(long[] ms, long wallNanos) {}

  private interface ClientCall {
    void run(int client) throws Exception;
  }

  private Result4 concurrent(int clients, int rounds, ClientCall call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long[] ms = new long[clients * rounds];
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      final int client = c;
      fs.add(pool.submit(() -> {
        for (int r = 0; r < rounds; r++) {
          long s = System.nanoTime();
          call.run(client);
          ms[client * rounds + r] = System.nanoTime() - s;
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    long wall = System.nanoTime() - t0;
    pool.shutdown();
    return new Result4(ms, wall);
  }

  private interface Call {
    void run() throws Exception;
  }

  private record Mode(String name, Call call) {}

  /**
   * One table row. {@code busyNanos} is the time the clients were busy, summed over clients
   * (sequential: the sum of the uploads; concurrent: wall time × clients), so uploads/s =
   * n × clients / busy.
   */
  private void row(String size, String mode, int clients, int n, long[] nanos, long busyNanos,
      long bytes, Double ratioToPortal) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double perSecond = n * (double) clients / (busyNanos / 1e9);
    double mbs = perSecond * bytes / MB;
    String vs = ratioToPortal == null ? "" : String.format("%.0f %%", 100 * ratioToPortal);
    rows.add(String.format("| %s | %s | %d | %d | %.0f | %.0f | %.2f | %.1f | %s |", size, mode,
        clients, n, pct(sorted, 50) / 1e6, pct(sorted, 95) / 1e6, perSecond, mbs, vs));
  }

  private static long pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  // ---------------------------------------------------------------------------- the calls

  private void portalUpload(long app, byte[] bytes) throws Exception {
    portalUpload(app, List.of(bytes), bytes.length);
  }

  /**
   * Multipart with a Content-Length (no chunking), the file part as given blocks, sent by OkHttp:
   * the same HTTP client the direct legs use (through the MinIO SDK), so the comparison measures
   * the portal, not two clients. (The JDK HttpClient used before cost the client side about a
   * third of the 5 MB time on these two shared cores: curl and OkHttp send the same bytes faster.)
   */
  private void portalUpload(long app, Iterable<byte[]> blocks, long size) throws Exception {
    String boundary = "----bench" + Long.toHexString(System.nanoTime());
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"application-form.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    okhttp3.MediaType type = okhttp3.MediaType.get("multipart/form-data; boundary=" + boundary);
    okhttp3.RequestBody body = new okhttp3.RequestBody() {
      @Override
      public okhttp3.MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return head.length + size + tail.length;
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws IOException {
        sink.write(head);
        for (byte[] block : blocks) {
          sink.write(block);
        }
        sink.write(tail);
      }
    };
    okhttp3.Request req = new okhttp3.Request.Builder()
        .url(portal + "/api/v1/applications/" + app + "/materials/application-form")
        .header("Authorization", "Bearer " + token)
        .header("Upload-Length", String.valueOf(size))
        .put(body).build();
    try (okhttp3.Response res = upload.newCall(req).execute()) {
      if (res.code() != 200) {
        throw new IllegalStateException("upload: HTTP " + res.code() + " " + res.body().string());
      }
    }
  }

  private void directPut(String key, byte[] bytes) throws Exception {
    s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
        .contentType("application/octet-stream").build());
  }

  /** What MinioObjectStore.write does with what MaterialUploads hands it. */
  private void directAsPortal(String key, byte[] bytes) throws Exception {
    PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(BUCKET).object(key)
        .contentType("application/octet-stream");
    if (bytes.length <= DETECT_BYTES) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes);
      args.stream(new DigestInputStream(new ByteArrayInputStream(bytes),
              MessageDigest.getInstance("SHA-256")), bytes.length, -1)
          .userMetadata(Map.of("sha256", HexFormat.of().formatHex(sha.digest())));
      s3.putObject(args.build());
      return;
    }
    // A presigned PUT is signed UNSIGNED-PAYLOAD, as the portal's streamed PUT: the body goes
    // out as it is read, through a SHA-256.
    String url = s3.getPresignedObjectUrl(io.minio.GetPresignedObjectUrlArgs.builder()
        .method(io.minio.http.Method.PUT).bucket(BUCKET).object(key).expiry(600).build());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    okhttp3.RequestBody body = new okhttp3.RequestBody() {
      @Override
      public okhttp3.MediaType contentType() {
        return okhttp3.MediaType.get("application/octet-stream");
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws IOException {
        for (int at = 0; at < bytes.length; at += 64 << 10) {
          int n = Math.min(64 << 10, bytes.length - at);
          sha.update(bytes, at, n);
          sink.write(bytes, at, n);
        }
      }
    };
    try (okhttp3.Response res = upload.newCall(new okhttp3.Request.Builder().url(url).put(body)
        .build()).execute()) {
      if (!res.isSuccessful()) {
        throw new IllegalStateException("presigned PUT: HTTP " + res.code() + " " + res.body().string());
      }
    }
    HexFormat.of().formatHex(sha.digest());
  }

  // ---------------------------------------------------------------------------- peak heap

  /** One upload of bench.heapMb MiB through the portal while jstat samples its heap. */
  private String peakHeap() throws Exception {
    long pid = Long.getLong("portal.pid", -1);
    if (pid < 0) {
      pid = portalPid();
    }
    int mib = Integer.getInteger("bench.heapMb", 1024);
    String maxHeap = maxHeap(pid);
    long app = createApplication();
    byte[] block = random(MB, 11);
    Iterable<byte[]> blocks = () -> new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < mib;
      }

      @Override
      public byte[] next() {
        block[0] = (byte) i++; // no two megabytes alike
        return block.clone();
      }
    };
    Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "200")
        .redirectErrorStream(true).start();
    AtomicLong peakKb = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
        String header = r.readLine();
        List<String> cols = Arrays.asList(header.trim().split("\\s+"));
        int[] used = {cols.indexOf("S0U"), cols.indexOf("S1U"), cols.indexOf("EU"),
            cols.indexOf("OU")};
        for (String line; (line = r.readLine()) != null; ) {
          String[] v = line.trim().split("\\s+");
          if (v.length < cols.size() || v[0].equals("S0C")) {
            continue;
          }
          double kb = 0;
          for (int u : used) {
            kb += Double.parseDouble(v[u]);
          }
          peakKb.accumulateAndGet((long) kb, Math::max);
          samples.incrementAndGet();
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("jstat: " + e);
      }
    });
    reader.start();
    Thread.sleep(1000);
    long before = peakKb.get();
    peakKb.set(0);
    long t0 = System.nanoTime();
    portalUpload(app, blocks, (long) mib * MB);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(500);
    jstat.destroy();
    reader.join(5000);
    String s = String.format("Peak heap used (S0U+S1U+EU+OU, jstat -gc %d 200, %d samples) during"
            + " one %d MiB upload through the portal: **%.0f MB** (%.0f MB just before); portal"
            + " -Xmx (MaxHeapSize): %s; the upload took %.1f s (%.1f MB/s).",
        pid, samples.get(), mib, peakKb.get() / 1024.0, before / 1024.0, maxHeap, seconds,
        mib / seconds);
    System.out.println(s);
    return s;
  }

  private static String maxHeap(long pid) throws Exception {
    Process p = new ProcessBuilder("jcmd", Long.toString(pid), "VM.flags").redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("MaxHeapSize=(\\d+)").matcher(out);
    return m.find() ? (Long.parseLong(m.group(1)) >> 20) + " MB" : "unknown";
  }

  /** The portal JVM: the java process that runs payara-micro with this data folder's tmp. */
  private long portalPid() throws IOException {
    String tmp = "-Djava.io.tmpdir=" + data.resolve("tmp");
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ');
          if (cmd.contains(tmp) && cmd.contains("payara-micro")) {
            return Long.parseLong(name);
          }
        } catch (IOException gone) {
          // process ended meanwhile
        }
      }
    }
    throw new IllegalStateException("no portal java process with " + tmp + "; set -Dportal.pid");
  }

  /** The embedded S3 server's port, from its pid file and the sockets it listens on. */
  private String embeddedEndpoint() throws Exception {
    String pid = Files.readString(data.resolve("s3-embedded.pid")).trim();
    Process p = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    for (String line : out.split("\n")) {
      if (line.contains("pid=" + pid + ",")) {
        String local = line.trim().split("\\s+")[3];
        String port = local.substring(local.lastIndexOf(':') + 1);
        return "http://127.0.0.1:" + port;
      }
    }
    throw new IllegalStateException("embedded S3 (pid " + pid + ") listens nowhere; set"
        + " -Ds3.endpoint");
  }

  // ---------------------------------------------------------------------------- helpers

  private String login() throws Exception {
    String json = send("POST", "/api/v1/auth/token",
        "{\"username\":\"applicant\",\"password\":\"Demo-2026!\"}", null);
    return field(json, "token");
  }

  private long createApplication() throws Exception {
    String json = send("POST", "/api/v1/applications", "{\"matterCode\":\"SCJG-0001\"}", token);
    return Long.parseLong(field(json, "id"));
  }

  private String send(String method, String path, String body, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": HTTP " + res.statusCode() + " "
          + res.body());
    }
    return res.body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  private void print(String heap) {
    StringBuilder t = new StringBuilder();
    if (!rows.isEmpty()) {
      t.append("| Size | Path | Clients | n | p50 ms | p95 ms | uploads/s | MB/s |"
          + " portal as % of this |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
      rows.forEach(r -> t.append(r).append('\n'));
    }
    if (heap != null) {
      t.append('\n').append(heap).append('\n');
    }
    System.out.println();
    System.out.println(t);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "upload-bench.md"), t);
    } catch (IOException e) {
      System.err.println("target/upload-bench.md: " + e);
    }
  }

  /** Removes this run's objects and bucket from the embedded S3 server. */
  private void cleanUp() {
    try {
      for (Result<Item> r : s3.listObjects(ListObjectsArgs.builder().bucket(BUCKET)
          .recursive(true).build())) {
        s3.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(r.get().objectName())
            .build());
      }
      s3.removeBucket(RemoveBucketArgs.builder().bucket(BUCKET).build());
    } catch (Exception e) {
      System.err.println("clean-up of bucket " + BUCKET + ": " + e);
    }
  }

  /** Unconnected sockets with TCP_NODELAY, the only kind OkHttp asks its socket factory for. */
  private static final class NoDelay extends javax.net.SocketFactory {
    @Override
    public java.net.Socket createSocket() throws IOException {
      java.net.Socket s = new java.net.Socket();
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
        int localPort) {
      throw new UnsupportedOperationException();
    }
  }
}
