package cn.wssp.storage;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetBucketLifecycleArgs;
import io.minio.SetBucketLifecycleArgs;
import io.minio.messages.AbortIncompleteMultipartUpload;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.LifecycleRule;
import io.minio.messages.RuleFilter;
import io.minio.messages.Status;
import io.minio.GetObjectRetentionArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.HttpUtils;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * {@link ObjectStore} over the MinIO Java SDK: the embedded S3Proxy and a production MinIO
 * cluster alike, by configuration only. The SHA-256 of every object is computed while streaming
 * and stored as user metadata beside it.
 */
public final class MinioObjectStore implements ObjectStore {
  private static final long PART_SIZE = 10L << 20;
  /**
   * Objects of a declared length up to this are read whole first: their hash is then stored
   * with them as metadata, and holding 1 MiB costs less than it saves. Larger ones stream.
   */
  private static final long READ_WHOLE_UP_TO = 1L << 20;
  /** S3's largest single PUT; larger objects of a declared length go in parts. */
  private static final long ONE_PUT_AT_MOST = 5L << 30;
  private static final String SHA_META = "sha256";
  private static final String HEALTH_KEY = PROBE_PREFIX + "probe";

  private final MinioClient client;
  /** The same server and HTTP pool, for the multipart calls the blocking client keeps hidden. */
  private final MinioAsyncClient asyncClient;
  /** The same again, for the PUTs whose body streams as it arrives. */
  private final StreamingPutClient streamingClient;
  private final S3Settings settings;
  private volatile Set<Protection> protections = Set.of();
  /** False until the bucket was found or made (a store opened while its server was down). */
  private volatile boolean ready;

  private MinioObjectStore(MinioClient client, MinioAsyncClient asyncClient,
      S3Settings settings) {
    this.client = client;
    this.asyncClient = asyncClient;
    this.streamingClient = new StreamingPutClient(asyncClient);
    this.settings = settings;
  }

  /** Connects and creates the bucket if missing; fails with a message naming the endpoint. */
  public static MinioObjectStore connect(S3Settings settings) throws StorageException {
    MinioObjectStore store = create(settings);
    store.ensureReady();
    return store;
  }

  /**
   * Like {@link #connect}, but a server that does not answer yet is not an error: every call
   * fails until it does, then the bucket is made and the store works. For an external server,
   * whose outage must not keep the portal from starting nor need a restart when it ends.
   */
  public static MinioObjectStore open(S3Settings settings) throws StorageException {
    MinioObjectStore store = create(settings);
    try {
      store.ensureReady();
    } catch (StorageException notYet) {
      java.util.logging.Logger.getLogger(MinioObjectStore.class.getName()).warning(
          "对象存储暂时无法访问，恢复后自动继续 (object store unreachable for now): " + notYet.getMessage());
    }
    return store;
  }

  private void ensureReady() throws StorageException {
    if (!ready) {
      synchronized (this) {
        if (!ready) {
          ensureBucket();
          Set<Protection> found = EnumSet.noneOf(Protection.class);
          found.addAll(detectProtections());
          if (expireIncompleteUploads()) {
            found.add(Protection.INCOMPLETE_UPLOADS_EXPIRE);
          }
          if (settings.serverSideEncryption()) {
            requireEncryption();
            found.add(Protection.ENCRYPTION_AT_REST);
          }
          protections = Set.copyOf(found);
          ready = true;
        }
      }
    }
  }

  /**
   * Encryption at rest was required: write a probe with SSE-S3 and read back what the server
   * says it did. A server that ignores the header (S3Proxy) or refuses it gets no object of the
   * portal's: the store stays unready, with this message, rather than write in the clear.
   */
  private String encryptionName() {
    return settings.kmsKeyId() == null ? "SSE-S3" : "SSE-KMS:" + settings.kmsKeyId();
  }

  private void requireEncryption() throws StorageException {
    String key = PROBE_PREFIX + "sse-probe";
    String applied;
    try {
      byte[] probe = "sse".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key)
          .stream(new ByteArrayInputStream(probe), probe.length, -1)
          .extraHeaders(settings.encryptionHeaders()).build());
      applied = client.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(key)
          .build()).headers().get("x-amz-server-side-encryption");
    } catch (Exception e) {
      throw failure("对象存储不接受服务器端加密（PORTAL_S3_ENCRYPTION=" + encryptionName()
          + "），未写入任何材料", key, e);
    }
    if (!"AES256".equalsIgnoreCase(applied) && !"aws:kms".equalsIgnoreCase(applied)) {
      throw new StorageException("对象存储未加密写入的对象（已配置 PORTAL_S3_ENCRYPTION=" + encryptionName() + "，"
          + "服务器 " + settings.endpoint() + " 的应答中没有 x-amz-server-side-encryption）："
          + "为免明文存储，未写入任何材料；请在服务器上启用 SSE（如 MinIO 配置 KMS）或取消该设置。");
    }
  }

  private static MinioObjectStore create(S3Settings settings) throws StorageException {
    MinioClient client;
    MinioAsyncClient asyncClient;
    try {
      // The SDK's own HTTP client, plus the fix for Ceph's retain-until dates; closed with it.
      // Connect within 10 s (a dead server is told quickly); reads and writes may take minutes.
      OkHttpClient http = HttpUtils.newDefaultHttpClient(TimeUnit.SECONDS.toMillis(10),
          TimeUnit.MINUTES.toMillis(5), TimeUnit.MINUTES.toMillis(5)).newBuilder()
          .socketFactory(new NoDelaySocketFactory()).addInterceptor(new RetainUntilDateFix())
          .addInterceptor(new LifecycleRulePrefixFix()).build();
      client = MinioClient.builder().endpoint(settings.endpoint())
          .credentials(settings.accessKey(), settings.secretKey()).httpClient(http, true).build();
      asyncClient = MinioAsyncClient.builder().endpoint(settings.endpoint())
          .credentials(settings.accessKey(), settings.secretKey()).httpClient(http).build();
    } catch (IllegalArgumentException e) {
      throw new StorageException("对象存储地址无效：" + settings.endpoint() + "（" + e.getMessage() + "）", e);
    }
    return new MinioObjectStore(client, asyncClient, settings);
  }

  private void ensureBucket() throws StorageException {
    String bucket = settings.bucket();
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        makeBucket(bucket);
      }
    } catch (Exception e) {
      throw failure("无法访问存储桶 " + bucket, null, e);
    }
  }

  /**
   * Object lock can only be switched on when a bucket is made, so ask for it always; a server
   * without it (S3Proxy) refuses the header, and then the bucket is made plain.
   */
  private void makeBucket(String bucket) throws Exception {
    try {
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(true).build());
    } catch (ErrorResponseException refused) {
      if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        return; // made by someone else meanwhile, or made and the header ignored
      }
      java.util.logging.Logger.getLogger(MinioObjectStore.class.getName()).info(
          "存储桶 " + bucket + " 不支持对象锁定，按普通存储桶创建 (no object lock): "
              + refused.errorResponse().code());
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    }
  }

  /** Asks the server once; a server that does not know object lock (S3Proxy) just lacks it. */
  /** Days after which the server deletes an upload's parts never completed. */
  static final int INCOMPLETE_UPLOAD_DAYS = 1;
  static final String INCOMPLETE_UPLOAD_RULE = "wssp-abort-incomplete-uploads";

  /**
   * A portal killed in the middle of a multipart upload leaves its parts on the server, invisible
   * to listings and the reconciliation. A bucket lifecycle rule, added next to any the bucket
   * has, asks the server to delete them {@link #INCOMPLETE_UPLOAD_DAYS} day after the upload
   * began (MinIO and Ceph RGW honour it). True when such a rule is in force; a server without
   * lifecycle rules (the embedded S3Proxy) keeps the parts until an operator removes them.
   */
  private boolean expireIncompleteUploads() {
    try {
      LifecycleConfiguration current = client.getBucketLifecycle(
          GetBucketLifecycleArgs.builder().bucket(settings.bucket()).build());
      java.util.List<LifecycleRule> rules = current == null ? java.util.List.of() : current.rules();
      if (rules.stream().anyMatch(r -> r.status() == Status.ENABLED
          && r.abortIncompleteMultipartUpload() != null)) {
        return true;
      }
      java.util.List<LifecycleRule> all = new java.util.ArrayList<>(rules);
      all.add(new LifecycleRule(Status.ENABLED,
          new AbortIncompleteMultipartUpload(INCOMPLETE_UPLOAD_DAYS), null, new RuleFilter(""),
          INCOMPLETE_UPLOAD_RULE, null, null, null));
      client.setBucketLifecycle(SetBucketLifecycleArgs.builder().bucket(settings.bucket())
          .config(new LifecycleConfiguration(all)).build());
      return true;
    } catch (Exception notSupported) {
      java.util.logging.Logger.getLogger(MinioObjectStore.class.getName()).info(
          "对象存储不支持生命周期规则，中断的分片上传不会自动清理 (no lifecycle rules: "
              + notSupported + ")");
      return false;
    }
  }

  private Set<Protection> detectProtections() {
    Set<Protection> found = EnumSet.noneOf(Protection.class);
    try {
      if (client.getObjectLockConfiguration(
          GetObjectLockConfigurationArgs.builder().bucket(settings.bucket()).build()) != null) {
        found.add(Protection.OBJECT_LOCK);
      }
    } catch (Exception notSupported) {
      // no object lock on this bucket or server
    }
    try {
      // Object lock implies versioning; a versioned bucket keeps deleted objects as versions
      // behind a delete marker unless each version is deleted (see delete).
      if (client.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(settings.bucket())
          .build()).status() == VersioningConfiguration.Status.ENABLED) {
        found.add(Protection.VERSIONING);
      }
    } catch (Exception notSupported) {
      // an unversioned bucket, or a server without versioning
    }
    return Set.copyOf(found);
  }

  @Override
  public StoredObject put(String key, InputStream content, long size, String contentType)
      throws StorageException {
    ensureReady();
    StoredObject stored = write(key, content, size, contentType, false);
    if (protections.contains(Protection.VERSIONING)) {
      deleteVersions(key, false);
    }
    return stored;
  }

  @Override
  public StoredObject putImmutable(String key, InputStream content, long size, String contentType)
      throws StorageException {
    ensureReady();
    if (stat(key).isPresent()) {
      throw new StorageException("对象 " + key + " 已存在：签发的文书不能被覆盖。");
    }
    return write(key, content, size, contentType, true);
  }

  private StoredObject write(String key, InputStream content, long size, String contentType,
      boolean retain) throws StorageException {
    try {
      if (size >= 0 && (size <= READ_WHOLE_UP_TO || retain && size <= PART_SIZE)) {
        return writeOnePart(key, readDeclared(key, content, size), contentType, retain);
      }
      if (!retain && size > 0 && size <= ONE_PUT_AT_MOST) {
        return writeStreamed(key, content, size, contentType);
      }
      if (retain) {
        // Issued documents are small; a large written-once object keeps the SDK's own path,
        // which sets the object lock retention.
        return writeBySdk(key, content, size, contentType, true);
      }
      byte[] first = content.readNBytes((int) PART_SIZE);
      if (first.length < PART_SIZE) { // the whole stream was shorter than a part
        if (size >= 0 && first.length != size) {
          throw lengthMismatch(key, size, first.length);
        }
        return writeOnePart(key, first, contentType, false);
      }
      Map<String, String> headers = objectHeaders(contentType);
      PipelinedUpload.Written written = new PipelinedUpload(asyncClient, settings.bucket(),
          (int) PART_SIZE, 1).write(key, first, content, headers, size, sha256());
      return new StoredObject(key, written.size(), HexFormat.of().formatHex(written.sha256()),
          contentType);
    } catch (StorageException e) {
      throw e;
    } catch (Exception e) {
      throw failure("写入对象失败", key, e);
    }
  }

  /** Exactly {@code size} bytes, or the refusal naming both lengths. */
  private static byte[] readDeclared(String key, InputStream content, long size)
      throws IOException, StorageException {
    byte[] bytes = content.readNBytes((int) size + 1);
    if (bytes.length != size) {
      throw lengthMismatch(key, size, bytes.length);
    }
    return bytes;
  }

  private static StorageException lengthMismatch(String key, long declared, long actual) {
    return new LengthMismatchException(key, declared, actual + (actual > declared ? "+" : ""));
  }

  /**
   * An object of one part, whose bytes are in memory: its hash is known before it is written
   * and is stored with it as metadata.
   */
  private StoredObject writeOnePart(String key, byte[] bytes, String contentType, boolean retain)
      throws Exception {
    String hex = HexFormat.of().formatHex(sha256().digest(bytes));
    PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(settings.bucket()).object(key)
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(typeOf(contentType))
        .userMetadata(Map.of(SHA_META, hex));
    client.putObject(protect(args, retain).build());
    return new StoredObject(key, bytes.length, hex, contentType);
  }

  /**
   * An object of a declared length, sent to the store as the sender's bytes arrive (see {@link
   * StreamingPutClient}); a stream of another length leaves no object.
   */
  private StoredObject writeStreamed(String key, InputStream content, long size,
      String contentType) throws Exception {
    Map<String, String> headers = objectHeaders(contentType);
    try {
      byte[] sha = streamingClient.put(settings.bucket(), key, content, size, headers, sha256());
      return new StoredObject(key, size, HexFormat.of().formatHex(sha), contentType);
    } catch (StreamingPutClient.LengthMismatch e) {
      throw lengthMismatch(key, e.declared, e.actual + (e.more ? 1 : 0));
    }
  }

  /** A large object by the SDK's putObject: part after part, each read whole before it is sent. */
  private StoredObject writeBySdk(String key, InputStream content, long size,
      String contentType, boolean retain) throws Exception {
    MessageDigest sha = sha256();
    CountingInput counted = new CountingInput(content);
    PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(settings.bucket()).object(key)
        .stream(new DigestInputStream(counted, sha), size, PART_SIZE)
        .contentType(typeOf(contentType));
    client.putObject(protect(args, retain).build());
    // What the SDK read is what the store acknowledged: no stat round trip for the size.
    return new StoredObject(key, counted.count, HexFormat.of().formatHex(sha.digest()),
        contentType);
  }

  private static String typeOf(String contentType) {
    return contentType == null ? "application/octet-stream" : contentType;
  }

  private PutObjectArgs.Builder protect(PutObjectArgs.Builder args, boolean retain) {
    if (settings.serverSideEncryption()) {
      args.extraHeaders(settings.encryptionHeaders());
    }
    if (retain && protections.contains(Protection.OBJECT_LOCK)) {
      args.retention(new Retention(RetentionMode.COMPLIANCE,
          ZonedDateTime.now().plus(settings.retention())));
    }
    return args;
  }

  @Override
  public InputStream get(String key) throws StorageException {
    ensureReady();
    try {
      return client.getObject(GetObjectArgs.builder().bucket(settings.bucket()).object(key).build());
    } catch (Exception e) {
      throw failure("读取对象失败", key, e);
    }
  }

  @Override
  public byte[] getVerified(String key, String expectedSha256) throws StorageException {
    byte[] bytes;
    try (InputStream in = get(key)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw failure("读取对象失败", key, e);
    }
    String actual = HexFormat.of().formatHex(sha256().digest(bytes));
    if (!actual.equalsIgnoreCase(expectedSha256)) {
      throw new StorageException("对象 " + key + " 的 SHA-256 与记录不符：记录 " + expectedSha256
          + "，实际 " + actual + "。文件可能已损坏或被篡改。");
    }
    return bytes;
  }

  @Override
  public Optional<StoredObject> stat(String key) throws StorageException {
    ensureReady();
    try {
      StatObjectResponse s = client.statObject(
          StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
      return Optional.of(new StoredObject(key, s.size(), s.userMetadata().get(SHA_META),
          s.contentType()));
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)) {
        return Optional.empty();
      }
      throw failure("查询对象失败", key, e);
    } catch (Exception e) {
      throw failure("查询对象失败", key, e);
    }
  }

  @Override
  public void delete(String key) throws StorageException {
    ensureReady();
    if (protections.contains(Protection.VERSIONING)) {
      // On a versioned bucket a plain delete only adds a delete marker: the content stays, and
      // a retained document would look deleted. Deleting each version really deletes, and the
      // server refuses it (AccessDenied) for a version under retention.
      deleteVersions(key, true);
      return;
    }
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
    } catch (Exception e) {
      throw failure("删除对象失败", key, e);
    }
  }

  /**
   * Deletes the versions of one key, the current one too or only the older ones: an overwritten
   * object (a replaced material, the readiness probe's) must not keep every earlier version
   * forever on a versioned bucket.
   */
  private void deleteVersions(String key, boolean current) throws StorageException {
    try {
      for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(settings.bucket())
          .prefix(key).includeVersions(true).build())) {
        Item version = r.get();
        if (version.objectName().equals(key) && (current || !version.isLatest())) {
          client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key)
              .versionId(version.versionId()).build());
        }
      }
    } catch (Exception e) {
      throw failure(current ? "删除对象失败" : "删除对象的旧版本失败", key, e);
    }
  }

  @Override
  public java.util.List<ListedObject> list(String prefix) throws StorageException {
    ensureReady();
    java.util.List<ListedObject> found = new java.util.ArrayList<>();
    try {
      for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(settings.bucket())
          .prefix(prefix == null ? "" : prefix).recursive(true).build())) {
        Item item = r.get();
        if (!item.isDir()) {
          found.add(new ListedObject(item.objectName(), item.size(),
              item.lastModified() == null ? java.time.Instant.EPOCH
                  : item.lastModified().toInstant()));
        }
      }
    } catch (Exception e) {
      throw failure("列出对象失败", prefix, e);
    }
    return found;
  }

  /**
   * A server that cannot copy an encrypted object itself (Ceph RGW 16 with SSE-KMS answers
   * NotImplemented) has it read and written again through here: checked against its SHA-256 on
   * the way, and encrypted like any write.
   */
  private void copyThroughHere(String fromKey, String toKey) throws StorageException {
    StatObjectResponse stat;
    try {
      stat = client.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(fromKey)
          .build());
    } catch (Exception e) {
      throw failure("复制对象失败（到 " + toKey + "）", fromKey, e);
    }
    try (InputStream in = get(fromKey)) {
      write(toKey, in, stat.size(), stat.contentType(), false);
    } catch (IOException e) {
      throw failure("复制对象失败（到 " + toKey + "）", fromKey, e);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) throws StorageException {
    ensureReady();
    try {
      CopyObjectArgs.Builder args = CopyObjectArgs.builder().bucket(settings.bucket())
          .object(toKey)
          .source(CopySource.builder().bucket(settings.bucket()).object(fromKey).build());
      if (settings.serverSideEncryption()) {
        args.extraHeaders(settings.encryptionHeaders()); // a copy is a new object: encrypted like any
      }
      client.copyObject(args.build());
    } catch (ErrorResponseException e) {
      if (!settings.serverSideEncryption() || !"NotImplemented".equals(e.errorResponse().code())) {
        throw failure("复制对象失败（到 " + toKey + "）", fromKey, e);
      }
      copyThroughHere(fromKey, toKey);
    } catch (Exception e) {
      throw failure("复制对象失败（到 " + toKey + "）", fromKey, e);
    }
    if (protections.contains(Protection.VERSIONING)) {
      deleteVersions(toKey, false); // as put: a copy over a key replaces, it keeps no history
    }
  }

  @Override
  public boolean isUsable() {
    try {
      byte[] probe = String.valueOf(System.nanoTime()).getBytes();
      put(HEALTH_KEY, new ByteArrayInputStream(probe), probe.length, "text/plain");
      return getVerified(HEALTH_KEY, HexFormat.of().formatHex(sha256().digest(probe))).length
          == probe.length;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public Set<Protection> protections() {
    return protections;
  }

  /**
   * Whether the server holds the object under COMPLIANCE retention that has not ended: then no
   * one, the server's administrators included, can delete it or shorten the retention.
   */
  public boolean isRetained(String key) {
    try {
      Retention r = client.getObjectRetention(GetObjectRetentionArgs.builder()
          .bucket(settings.bucket()).object(key).build());
      return r != null && r.mode() == RetentionMode.COMPLIANCE
          && r.retainUntilDate().isAfter(ZonedDateTime.now());
    } catch (Exception e) {
      return false; // no retention on this object, or no object lock on this server
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception ignored) {
      // nothing to release beyond the HTTP pool
    }
  }

  private StorageException failure(String what, String key, Exception e) {
    String detail = e instanceof ErrorResponseException er
        ? er.errorResponse().code() + " " + er.errorResponse().message()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new StorageException(what + "（" + settings.endpoint() + "，存储桶 " + settings.bucket()
        + (key == null ? "" : "，对象 " + key) + "）：" + detail, e);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The headers of a new object written without the SDK's arguments: its type, its encryption. */
  private Map<String, String> objectHeaders(String contentType) {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", typeOf(contentType)));
    headers.putAll(settings.encryptionHeaders());
    return headers;
  }

  /** Counts what passes, so the size of a stream of unknown length is known once written. */
  private static final class CountingInput extends java.io.FilterInputStream {
    long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public boolean markSupported() {
      return false; // a reset would count bytes twice
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
