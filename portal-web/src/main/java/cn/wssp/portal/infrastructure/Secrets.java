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
      // Created with owner-only permissions, not chmod-ed afterwards: never readable by others.
      Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, value);
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("无法读写数据目录中的密钥文件 " + file, e);
    }
  }
}
