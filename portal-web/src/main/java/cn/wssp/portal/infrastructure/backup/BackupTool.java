package cn.wssp.portal.infrastructure.backup;

import cn.wssp.portal.domain.model.Document;
import cn.wssp.storage.EmbeddedS3Server;
import cn.wssp.storage.ListedObject;
import cn.wssp.storage.MinioObjectStore;
import cn.wssp.storage.ObjectStore;
import cn.wssp.storage.S3Settings;
import cn.wssp.storage.StorageException;
import cn.wssp.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code ./portal backup DIR} and {@code ./portal restore DIR [--force]}, run by the portal script
 * in a JVM of its own on the WAR's classes and libraries (no Payara): the same settings as the
 * portal (PORTAL_DATA_DIR, PORTAL_DB_*, PORTAL_S3_*), read from the environment.
 *
 * <p>A backup folder holds {@code database/} (H2: a SQL script made by H2's SCRIPT; PostgreSQL:
 * a {@code pg_dump} archive), {@code objects/<key>} (every object of the bucket, fetched through
 * the S3 API), {@code pki/} and {@code secrets/} (the data folder's key stores and generated
 * secrets: without them issued documents no longer chain to the portal's root and its keys are
 * lost), and {@code manifest.json} with the size and SHA-256 of every file, written last.
 *
 * <p>Restore checks every file against the manifest before it writes anything, and writes only
 * into an empty data folder, an empty database and an empty bucket unless forced.
 */
public final class BackupTool {
  private static final String H2_SCRIPT = "database/h2.sql";
  private static final String PG_DUMP = "database/postgresql.dump";
  private static final String OBJECTS = "objects/";
  /** What of the data folder is copied as files (besides the database and the objects). */
  private static final List<String> DATA_FOLDERS = List.of("pki", "secrets");

  private final Map<String, String> env;
  private final Path dataDir;

  private BackupTool(Map<String, String> env) {
    this.env = env;
    this.dataDir = Path.of(setting("PORTAL_DATA_DIR", "./data")).toAbsolutePath().normalize();
  }

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean force = rest.remove("--force");
    if (rest.size() != 2 || !Set.of("backup", "restore").contains(rest.get(0))) {
      System.err.println("usage: BackupTool backup DIR | restore DIR [--force]");
      System.exit(2);
    }
    String command = rest.get(0);
    Path dir = Path.of(rest.get(1)).toAbsolutePath().normalize();
    try {
      BackupTool tool = new BackupTool(System.getenv());
      if (command.equals("backup")) {
        tool.backup(dir);
      } else {
        tool.restore(dir, force);
      }
      System.exit(0);
    } catch (Refused e) {
      System.err.println("portal " + command + ": " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("portal " + command + ": failed: " + e);
      System.exit(1);
    }
  }

  /** A refusal or failure the operator can act on: the message says what and where. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private String setting(String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  // --- backup ------------------------------------------------------------------------------

  void backup(Path dir) throws Exception {
    if (!Files.isDirectory(dataDir)) {
      throw new Refused("no data folder at " + dataDir + " (数据目录不存在)");
    }
    if (Files.exists(dir) && !isEmptyDir(dir)) {
      throw new Refused(dir + " is not empty: back up into a new or empty folder (备份目录非空)");
    }
    boolean created = !Files.exists(dir);
    createPrivateDirs(dir);
    try {
      writeBackup(dir);
    } catch (Exception e) {
      // A failed backup leaves nothing behind (the folder was new or empty): no half copy of
      // keys lying about, and the same command can simply be run again.
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (created || !p.equals(dir)) {
            Files.deleteIfExists(p);
          }
        }
      }
      throw e;
    }
  }

  private void writeBackup(Path dir) throws Exception {
    List<Manifest.Entry> files = new ArrayList<>();
    String dbUrl = setting("PORTAL_DB_URL", null);
    String database;
    String schema = null;

    // Order matters: the database first, then the objects. Objects are written once and only
    // afterwards referenced by a row (object first, then the row), so every row of this dump
    // points at an object that exists already and is in the copy made after it; objects newer
    // than the dump are merely unreferenced there (orphans the reconciliation handles).
    if (dbUrl == null || dbUrl.startsWith("jdbc:h2:")) {
      database = "h2";
      Path script = createPrivateDirs(dir.resolve("database")).resolve("h2.sql");
      dumpH2(h2Url(dbUrl, true), script);
      files.add(entry(dir, script));
    } else if (dbUrl.startsWith("jdbc:postgresql:")) {
      database = "postgresql";
      PgTarget pg = PgTarget.parse(dbUrl, env);
      schema = pg.schema();
      Path dump = createPrivateDirs(dir.resolve("database")).resolve("postgresql.dump");
      // pg_dump reads one snapshot of the database: consistent while the portal keeps writing.
      List<String> cmd = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner",
          "--no-privileges", "--file=" + dump));
      cmd.addAll(pg.connectionArgs());
      if (schema != null) {
        cmd.add("--schema=" + schema);
      }
      cmd.add(pg.database());
      run(cmd, pg, "pg_dump");
      restrict(dump);
      files.add(entry(dir, dump));
    } else {
      throw new Refused("PORTAL_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL");
    }
    System.out.println("portal backup: database (" + database + ") dumped");

    String bucket = setting("PORTAL_S3_BUCKET", "wssp");
    int objects = 0;
    try (Store store = openStore(dataDir, false)) {
      for (ListedObject listed : store.objects.list("")) {
        String key = listed.key();
        if (key.startsWith(ObjectStore.PROBE_PREFIX)) {
          continue; // the readiness probe's own scratch object
        }
        Path target = dir.resolve(OBJECTS + safeKey(key));
        createPrivateDirs(target.getParent());
        StoredObject stat = store.objects.stat(key).orElseThrow(
            () -> new Refused("object " + key + " vanished while it was being copied"));
        MessageDigest sha = sha256();
        long size;
        try (InputStream in = new DigestInputStream(store.objects.get(key), sha);
            OutputStream out = Files.newOutputStream(target)) {
          size = in.transferTo(out);
        }
        restrict(target);
        String hex = HexFormat.of().formatHex(sha.digest());
        if (stat.sha256() != null && !stat.sha256().equalsIgnoreCase(hex)) {
          throw new Refused("object " + key + " does not match the SHA-256 stored with it in the"
              + " bucket (" + stat.sha256() + " stored, " + hex + " read): the store is damaged");
        }
        files.add(new Manifest.Entry(relative(dir, target), size, hex, key,
            stat.contentType() == null ? "application/octet-stream" : stat.contentType()));
        objects++;
      }
    }
    System.out.println("portal backup: " + objects + " objects copied from bucket " + bucket);

    for (String folder : DATA_FOLDERS) {
      Path source = dataDir.resolve(folder);
      if (Files.isDirectory(source)) {
        for (Path file : regularFiles(source)) {
          Path target = dir.resolve(folder).resolve(source.relativize(file).toString());
          createPrivateDirs(target.getParent());
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
          restrict(target);
          files.add(entry(dir, target));
        }
      }
    }
    // The manifest last, renamed into place: a folder without it is an incomplete backup.
    Path temp = dir.resolve(Manifest.FILE + ".part");
    new Manifest(Manifest.FORMAT, Instant.now().toString(), database, schema, bucket, files).write(temp);
    restrict(temp);
    Files.move(temp, dir.resolve(Manifest.FILE), StandardCopyOption.ATOMIC_MOVE);
    System.out.println("portal backup: " + files.size() + " files in " + dir + " (manifest.json)");
  }

  /** The embedded database's URL (or the given H2 URL); {@code mustExist}: never create one. */
  private String h2Url(String dbUrl, boolean mustExist) {
    String url = dbUrl != null ? dbUrl
        : "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal") + ";MODE=LEGACY";
    return mustExist ? url + ";IFEXISTS=TRUE" : url;
  }

  private String h2User() {
    return setting("PORTAL_DB_USER", "sa");
  }

  private void dumpH2(String url, Path script) throws Exception {
    try (Connection c = DriverManager.getConnection(url, h2User(), setting("PORTAL_DB_PASSWORD", ""));
        Statement s = c.createStatement()) {
      // SCRIPT runs in one transaction of its own: a consistent copy of the whole database.
      s.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "' CHARSET 'UTF-8'");
    } catch (SQLException e) {
      if (e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("locked")) {
        throw new Refused("the embedded H2 database is in use by a running portal. H2 allows one"
            + " process at a time: stop the portal (Ctrl-C), then run ./portal backup again"
            + " (内置 H2 数据库正被运行中的门户使用：请先停止门户再备份；PostgreSQL 可在运行中备份)");
      }
      if (e.getErrorCode() == 90146) { // DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
        throw new Refused("no H2 database in " + dataDir + " (数据目录中没有数据库)");
      }
      throw e;
    }
    restrict(script);
  }

  // --- restore -----------------------------------------------------------------------------

  void restore(Path dir, boolean force) throws Exception {
    // 1. The backup, whole and unchanged, before anything is written.
    Path manifestFile = dir.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifestFile)) {
      throw new Refused(dir + " holds no manifest.json: not a backup, or an incomplete one"
          + " (备份不完整：缺少 manifest.json)");
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(manifestFile);
    } catch (IOException e) {
      throw new Refused("manifest.json cannot be read: " + e.getMessage());
    }
    verify(dir, manifest);
    System.out.println("portal restore: " + manifest.files().size()
        + " files checked against manifest.json (size and SHA-256)");

    // 2. The targets: empty unless forced; the kind of database must match the backup's.
    String dbUrl = setting("PORTAL_DB_URL", null);
    boolean pgTarget = dbUrl != null && dbUrl.startsWith("jdbc:postgresql:");
    if (manifest.database().equals("postgresql") != pgTarget) {
      throw new Refused("the backup holds a " + manifest.database() + " database but the target is "
          + (pgTarget ? "PostgreSQL (PORTAL_DB_URL)" : "the embedded H2 database")
          + ": set PORTAL_DB_URL to match (备份与目标数据库类型不一致)");
    }
    boolean dataNonEmpty = Files.isDirectory(dataDir) && !isEmptyDir(dataDir);
    if (dataNonEmpty && !force) {
      throw new Refused("the data folder " + dataDir + " is not empty: restore into an empty one,"
          + " or add --force to move what is there aside (目标数据目录非空)");
    }
    PgTarget pg = null;
    if (pgTarget) {
      pg = PgTarget.parse(dbUrl, env);
      String content = pgContent(dbUrl, manifest.schema());
      if (content != null && !force) {
        throw new Refused("the database " + pg.database() + " is not empty (" + content
            + "): restore into an empty database, or add --force to replace what the backup holds"
            + " (目标数据库非空)");
      }
    }
    boolean external = setting("PORTAL_S3_ENDPOINT", null) != null;
    if (external && !force) {
      try (Store store = openStore(dataDir, true)) {
        long present = store.objects.list("").stream()
            .filter(o -> !o.key().startsWith(ObjectStore.PROBE_PREFIX)).count();
        if (present > 0) {
          throw new Refused("the bucket " + manifest.bucket() + " at " + setting("PORTAL_S3_ENDPOINT", "")
              + " already holds " + present + " objects: restore into an empty bucket, or add --force"
              + " (目标存储桶非空)");
        }
      }
    }

    // 3. Write: data folder files, then the objects, then the database.
    createPrivateDirs(dataDir);
    if (dataNonEmpty) {
      Path aside = dataDir.resolve("before-restore-" + Instant.now().toEpochMilli());
      createPrivateDirs(aside);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir)) {
        for (Path p : entries) {
          String name = p.getFileName().toString();
          if (!name.startsWith("before-restore-") && !name.equals("tmp") && !name.equals("portal.log")) {
            Files.move(p, aside.resolve(name));
          }
        }
      }
      System.out.println("portal restore: what was in the data folder is now in " + aside);
    }
    for (Manifest.Entry e : manifest.files()) {
      if (DATA_FOLDERS.stream().anyMatch(f -> e.path().startsWith(f + "/"))) {
        Path target = dataDir.resolve(e.path());
        createPrivateDirs(target.getParent());
        Files.copy(dir.resolve(e.path()), target, StandardCopyOption.REPLACE_EXISTING);
        restrict(target);
      }
    }

    int objects = 0;
    try (Store store = openStore(dataDir, true)) {
      for (Manifest.Entry e : manifest.files()) {
        if (e.key() == null) {
          continue;
        }
        StoredObject stored = restoreObject(store.objects, e, dir.resolve(e.path()));
        if (!stored.sha256().equalsIgnoreCase(e.sha256())) {
          throw new Refused("object " + e.key() + " was stored with SHA-256 " + stored.sha256()
              + ", the backup says " + e.sha256());
        }
        objects++;
      }
    }
    System.out.println("portal restore: " + objects + " objects written to bucket "
        + setting("PORTAL_S3_BUCKET", "wssp"));

    if (pgTarget) {
      List<String> cmd = new ArrayList<>(List.of("pg_restore", "--no-owner", "--no-privileges",
          "--exit-on-error", "--single-transaction"));
      if (force) {
        cmd.addAll(List.of("--clean", "--if-exists"));
      }
      cmd.addAll(pg.connectionArgs());
      cmd.add("--dbname=" + pg.database());
      cmd.add(dir.resolve(PG_DUMP).toString());
      run(cmd, pg, "pg_restore");
    } else {
      String url = h2Url(dbUrl, false);
      if (dbUrl == null) {
        createPrivateDirs(dataDir.resolve("db"));
      }
      try (Connection c = DriverManager.getConnection(url, h2User(), setting("PORTAL_DB_PASSWORD", ""));
          Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + dir.resolve(H2_SCRIPT).toString().replace("'", "''")
            + "' CHARSET 'UTF-8'");
      }
    }
    System.out.println("portal restore: database (" + manifest.database() + ") restored; data folder "
        + dataDir);
  }

  /**
   * Writes one object back. Issued documents go back written once, under object lock where the
   * store has it, as the portal wrote them: a restored archive must be no easier to alter than
   * the original. One already there (a restore with --force into its own bucket) stays if it
   * holds the same bytes; locked, it could not be replaced anyway.
   */
  static StoredObject restoreObject(ObjectStore objects, Manifest.Entry e, Path file)
      throws IOException, StorageException {
    boolean issued = e.key().startsWith(Document.OBJECT_PREFIX);
    if (issued) {
      Optional<StoredObject> present = objects.stat(e.key());
      if (present.isPresent() && e.sha256().equalsIgnoreCase(present.get().sha256())) {
        return present.get();
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return issued
          ? objects.putImmutable(e.key(), in, e.size(), e.contentType())
          : objects.put(e.key(), in, e.size(), e.contentType());
    }
  }

  /** Every file of the manifest present with its size and hash, and nothing else in the folder. */
  static void verify(Path dir, Manifest manifest) throws Exception {
    Set<String> listed = new TreeSet<>();
    boolean hasDatabase = false;
    for (Manifest.Entry e : manifest.files()) {
      Path file = dir.resolve(e.path()).normalize();
      if (!file.startsWith(dir) || e.path().contains("\\")) {
        throw new Refused("manifest.json names a file outside the backup: " + e.path());
      }
      if (e.key() != null) {
        safeKey(e.key());
      }
      if (!Files.isRegularFile(file)) {
        throw new Refused("the backup is incomplete: " + e.path() + " is missing (备份不完整)");
      }
      long size = Files.size(file);
      if (size != e.size()) {
        throw new Refused("the backup is damaged: " + e.path() + " has " + size + " bytes, manifest.json"
            + " says " + e.size() + " (备份文件已损坏或被篡改)");
      }
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      if (!hex.equalsIgnoreCase(e.sha256())) {
        throw new Refused("the backup is damaged or was altered: the SHA-256 of " + e.path() + " is "
            + hex + ", manifest.json says " + e.sha256() + " (备份文件已损坏或被篡改)");
      }
      listed.add(e.path());
      hasDatabase |= e.path().equals(H2_SCRIPT) || e.path().equals(PG_DUMP);
    }
    if (!hasDatabase) {
      throw new Refused("the backup is incomplete: manifest.json lists no database dump (备份不完整)");
    }
    for (Path file : regularFiles(dir)) {
      String rel = relative(dir, file);
      if (!rel.equals(Manifest.FILE) && !listed.contains(rel)) {
        throw new Refused("the backup holds a file manifest.json does not list: " + rel
            + " (备份中有清单之外的文件)");
      }
    }
  }

  /** Null when the database (or the backup's schema in it) holds nothing, else what it holds. */
  private String pgContent(String dbUrl, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(dbUrl, setting("PORTAL_DB_USER", ""),
        setting("PORTAL_DB_PASSWORD", ""))) {
      if (schema != null) {
        try (PreparedStatement ps = c.prepareStatement(
            "select count(*) from pg_namespace where nspname = ?")) {
          ps.setString(1, schema);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              return "schema " + schema + " exists";
            }
          }
        }
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
              + " where n.nspname not in ('pg_catalog', 'information_schema')"
              + " and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'")) {
        rs.next();
        long relations = rs.getLong(1);
        return relations == 0 ? null : relations + " tables, sequences or indexes";
      }
    }
  }

  // --- object store ------------------------------------------------------------------------

  /** The configured object store, or the data folder's embedded one started for the purpose. */
  private record Store(ObjectStore objects, EmbeddedS3Server server) implements AutoCloseable {
    @Override
    public void close() {
      objects.close();
      if (server != null) {
        server.close();
      }
    }
  }

  private Store openStore(Path data, boolean createKeys) throws Exception {
    String bucket = setting("PORTAL_S3_BUCKET", "wssp");
    String endpoint = setting("PORTAL_S3_ENDPOINT", null);
    if (endpoint != null) {
      // Restored objects are written as the portal writes them: encrypted if it must.
      return new Store(MinioObjectStore.connect(new S3Settings(endpoint,
          setting("PORTAL_S3_ACCESS_KEY", ""), setting("PORTAL_S3_SECRET_KEY", ""), bucket)
          .withEncryption(setting("PORTAL_S3_ENCRYPTION", "none"))), null);
    }
    String classpath = setting("PORTAL_S3_EMBEDDED_CLASSPATH", null);
    if (classpath == null) {
      throw new Refused("PORTAL_S3_EMBEDDED_CLASSPATH is not set (run through ./portal)");
    }
    // A server of our own on a free port over the data folder's objects (beside the portal's
    // own when it runs: both only read and write whole files).
    String access = secret(data, "s3.access-key", createKeys);
    String secretKey = secret(data, "s3.secret-key", createKeys);
    EmbeddedS3Server server = EmbeddedS3Server.start(data.resolve("objects"), classpath, 0, access,
        secretKey, Duration.ofSeconds(90));
    try {
      return new Store(MinioObjectStore.connect(new S3Settings(server.endpoint(), access, secretKey,
          bucket)), server);
    } catch (StorageException e) {
      server.close();
      throw e;
    }
  }

  /** A generated secret of the data folder (the same files the portal itself creates). */
  private static String secret(Path data, String name, boolean create) throws Exception {
    Path file = data.resolve("secrets").resolve(name);
    if (Files.isRegularFile(file)) {
      return Files.readString(file).trim();
    }
    if (!create) {
      throw new Refused("no " + file + ": the embedded object store's keys are missing");
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String value = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    createPrivateDirs(file.getParent());
    Files.writeString(file, value);
    restrict(file);
    return value;
  }

  /** The key as a relative path below objects/: no empty, '.' or '..' segment. */
  private static String safeKey(String key) throws Refused {
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")
          || segment.contains("\0")) {
        throw new Refused("object key " + key + " cannot be kept as a file of the backup");
      }
    }
    return key;
  }

  // --- PostgreSQL --------------------------------------------------------------------------

  /** Where pg_dump/pg_restore connect, from the portal's JDBC URL (the password via PGPASSWORD). */
  record PgTarget(String host, int port, String database, String user, String password, String schema) {
    static PgTarget parse(String jdbcUrl, Map<String, String> env) throws Refused {
      String rest = jdbcUrl.substring("jdbc:postgresql:".length());
      String host = "localhost";
      int port = 5432;
      String query = null;
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      String database;
      if (rest.startsWith("//")) {
        URI uri = URI.create("postgresql:" + rest);
        if (uri.getHost() != null) {
          host = uri.getHost();
        }
        if (uri.getPort() > 0) {
          port = uri.getPort();
        }
        database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null && rest.contains(",")) {
          throw new Refused("PORTAL_DB_URL with several hosts: back up with pg_dump directly");
        }
      } else {
        database = rest;
      }
      Map<String, String> params = new HashMap<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            params.put(pair.substring(0, eq),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
      }
      String user = nonBlank(env.get("PORTAL_DB_USER"), params.get("user"));
      String password = nonBlank(env.get("PORTAL_DB_PASSWORD"), params.get("password"));
      String schema = params.get("currentSchema");
      if (schema != null) {
        schema = schema.split(",")[0].trim();
        if (schema.isEmpty() || schema.startsWith("\"") || schema.equals("$user")) {
          schema = null;
        }
      }
      if (database.isEmpty()) {
        throw new Refused("PORTAL_DB_URL names no database");
      }
      return new PgTarget(host, port, database, user, password, schema);
    }

    private static String nonBlank(String a, String b) {
      return a != null && !a.isBlank() ? a : b;
    }

    List<String> connectionArgs() {
      List<String> args = new ArrayList<>(List.of("--host=" + host, "--port=" + port, "--no-password"));
      if (user != null && !user.isBlank()) {
        args.add("--username=" + user);
      }
      return args;
    }
  }

  /** Runs a PostgreSQL client with the password in its environment (never on a command line). */
  private static void run(List<String> command, PgTarget pg, String what) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    if (pg.password() != null && !pg.password().isEmpty()) {
      pb.environment().put("PGPASSWORD", pg.password());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new Refused(what + " is needed (apt-get install postgresql-client): " + e.getMessage());
    }
    int code = p.waitFor();
    if (code != 0) {
      throw new Refused(what + " failed with exit code " + code + " (see its message above)");
    }
  }

  // --- files -------------------------------------------------------------------------------

  private static Manifest.Entry entry(Path dir, Path file) throws IOException {
    MessageDigest sha = sha256();
    long size;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      size = in.transferTo(OutputStream.nullOutputStream());
    }
    return new Manifest.Entry(relative(dir, file), size, HexFormat.of().formatHex(sha.digest()),
        null, null);
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Creates the folder (and parents) for the owner alone: 0700. */
  private static Path createPrivateDirs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system
    }
    return dir;
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
