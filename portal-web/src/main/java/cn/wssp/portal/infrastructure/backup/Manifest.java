package cn.wssp.portal.infrastructure.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * manifest.json of a backup: what kind of database it holds and, for every file of the backup,
 * its path (relative, '/'-separated), size and SHA-256; object files also carry their key and
 * content type in the bucket.
 */
record Manifest(String format, String createdAt, String database, String schema, String bucket,
    List<Entry> files) {
  static final String FORMAT = "wssp-backup/1";
  static final String FILE = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One file of the backup; {@code key}/{@code contentType} only for objects of the bucket. */
  record Entry(String path, long size, String sha256, String key, String contentType) {}

  void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", format);
    root.put("createdAt", createdAt);
    root.put("database", database);
    if (schema != null) {
      root.put("schema", schema);
    }
    root.put("bucket", bucket);
    ArrayNode array = root.putArray("files");
    for (Entry e : files) {
      ObjectNode o = array.addObject();
      o.put("path", e.path());
      o.put("size", e.size());
      o.put("sha256", e.sha256());
      if (e.key() != null) {
        o.put("key", e.key());
        o.put("contentType", e.contentType());
      }
    }
    JSON.writeValue(file.toFile(), root);
  }

  static Manifest read(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("不是本门户的备份清单（format 应为 " + FORMAT + "）");
    }
    List<Entry> files = new ArrayList<>();
    for (JsonNode o : root.path("files")) {
      String path = o.path("path").asText(null);
      String sha = o.path("sha256").asText(null);
      if (path == null || sha == null || !o.path("size").canConvertToLong()) {
        throw new IOException("清单中有一项缺少 path、size 或 sha256：" + o);
      }
      files.add(new Entry(path, o.path("size").asLong(), sha, o.path("key").asText(null),
          o.path("contentType").asText(null)));
    }
    return new Manifest(FORMAT, root.path("createdAt").asText(null), root.path("database").asText(""),
        root.path("schema").asText(null), root.path("bucket").asText("wssp"), List.copyOf(files));
  }
}
