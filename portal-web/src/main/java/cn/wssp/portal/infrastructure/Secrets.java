package cn.wssp.portal.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the embedded defaults need but nobody configured (the key store password, the
 * embedded S3 keys): generated once, kept readable only by the owner under the data folder.
 * Never in the repository.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static synchronized String generatedOnce(Path dataDir, String name) {
    Path file = dataDir.resolve("secrets").resolve(name);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, value);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the folder's own protection applies
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读写数据目录中的密钥文件 " + file, e);
    }
  }
}
