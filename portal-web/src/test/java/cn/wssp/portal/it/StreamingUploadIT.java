package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's streaming property on the real portal: a 1 GiB material goes through a portal whose
 * heap is 256 MB, and the portal's temporary folder never holds more than a few megabytes while
 * it passes (no copy of the body by Jersey or by the portal on the way to the object store).
 */
class StreamingUploadIT {
  static final long ONE_GIB = 1L << 30;
  /** What may sit in the temp folder at any moment: small files of other work, never the body. */
  static final long TEMP_ALLOWANCE = 16L << 20;

  static RunningPortal portal;

  @BeforeAll
  static void start() throws Exception {
    RunningPortal.onlyOnTheEmbeddedDatabase("streaming a gigabyte through a small heap");
    portal = RunningPortal.dedicated("streaming");
    portal.environment.put("PORTAL_JAVA_OPTS", "-Xmx256m");
    portal.environment.put("PORTAL_UPLOAD_MAX_BYTES", String.valueOf(ONE_GIB + (64L << 20)));
    portal.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void aGigabyteStreamsThroughA256MbHeapWithoutTouchingTheDisk() throws Exception {
    Api applicant = Api.login(portal, "applicant");
    long id = ApiJourneyIT.create(applicant, "SCJG-0001");
    Path tmp = portal.dataDir.resolve("tmp");
    long before = sizeOf(tmp);
    AtomicLong mostInTemp = new AtomicLong();
    AtomicBoolean uploading = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> {
      while (uploading.get()) {
        mostInTemp.accumulateAndGet(sizeOf(tmp) - before, Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();

    Generated file = new Generated(ONE_GIB);
    Api.Reply r;
    try {
      r = applicant.putStream("/api/v1/applications/" + id + "/materials/application-form",
          "大文件.bin", ONE_GIB, file);
    } finally {
      uploading.set(false);
      watcher.join();
    }
    assertEquals(200, r.status(), r + "\n" + portal.logTail());
    String sent = file.sha256();
    assertEquals(sent, r.json().getString("sha256"), "stored SHA-256 is the one sent");
    assertTrue(mostInTemp.get() < TEMP_ALLOWANCE,
        "the temp folder grew by " + mostInTemp.get() + " bytes during the upload");

    JsonObject material = applicant.get("/api/v1/applications/" + id).json()
        .getJsonArray("materials").stream().map(JsonValue::asJsonObject)
        .filter(m -> m.getString("materialCode").equals("application-form")).findFirst()
        .orElseThrow();
    assertEquals(ONE_GIB, material.getJsonNumber("size").longValue());
    assertEquals(sent, material.getString("sha256"));
  }

  /** Bytes in the temp folder, without Payara's unpacked runtime (jars, not uploads). */
  private static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !dir.relativize(p).toString().startsWith("payaramicro-rt"))
          .mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException gone) {
          return 0;
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** {@code size} bytes of a cheap pattern, hashed as they are read (nothing held). */
  static final class Generated extends InputStream {
    private final long size;
    private final MessageDigest sha;
    private long pos;

    Generated(long size) throws Exception {
      this.size = size;
      this.sha = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        long p = pos + i;
        b[off + i] = (byte) (p ^ (p >>> 11) ^ (p >>> 23));
      }
      sha.update(b, off, n);
      pos += n;
      return n;
    }

    String sha256() {
      assertEquals(size, pos, "the whole file was sent");
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
