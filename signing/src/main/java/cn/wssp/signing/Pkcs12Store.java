package cn.wssp.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

/** Reads and writes one password-protected PKCS#12 file, never leaving a half-written file. */
final class Pkcs12Store {

  private Pkcs12Store() {}

  /** Loads {@code file}, or returns an empty store when the file does not exist yet. */
  static KeyStore loadOrEmpty(Path file, char[] password) throws SigningException {
    return loadOrEmpty(file, password, null);
  }

  /**
   * As {@link #loadOrEmpty(Path, char[])} with the PKCS#12 implementation of {@code provider}
   * (null: the JDK's). Bouncy Castle's is needed for SM2 keys: the JDK's store cannot read back
   * a certificate on the SM2 curve.
   */
  static KeyStore loadOrEmpty(Path file, char[] password, java.security.Provider provider)
      throws SigningException {
    try {
      KeyStore store =
          provider == null ? KeyStore.getInstance("PKCS12") : KeyStore.getInstance("PKCS12", provider);
      if (!Files.exists(file)) {
        store.load(null, password);
        return store;
      }
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
      return store;
    } catch (IOException e) {
      if (isWrongPassword(e)) {
        throw new SigningException(
            "wrong password for the key store " + file
                + " (the store password must be the one used when the CA was created)", e);
      }
      throw new SigningException("cannot read the key store " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot read the key store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes to a temporary file in the same directory, forces it to disk, then renames it over the
   * old file: a crash leaves either the old or the new store, never a truncated one holding keys.
   */
  static void saveAtomically(KeyStore store, Path file, char[] password) throws SigningException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (FileChannel channel =
              FileChannel.open(
                  temp,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        restrictToOwner(temp);
        store.store(out, password);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningException("cannot write the key store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Private keys: readable by the portal's user only, where the file system knows owners. */
  static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException ignored) {
      // Not a POSIX file system (e.g. Windows): rely on the directory's ACLs.
    }
  }

  private static boolean isWrongPassword(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnrecoverableKeyException) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && message.toLowerCase().contains("password")) {
        return true;
      }
    }
    return false;
  }
}
