package cn.wssp.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CA has issued and revoked, on disk next to the key stores, so the OCSP responder and
 * the CRLs answer the same after a restart:
 *
 * <ul>
 *   <li>{@code issued/<serial hex>.pem} — every seal and timestamping certificate, kept after a
 *       seal is replaced (documents signed with it are still checked against its status);
 *   <li>{@code revoked.txt} — one line per revocation: serial (hex) and epoch milliseconds.
 * </ul>
 *
 * Writes happen inside {@link PkiKeyStore#locked}; reads take the files as they are (append-only
 * or write-once, so a reader never sees a half-made entry that matters).
 */
final class SealRegister {

  static final String ISSUED_DIR = "issued";
  static final String REVOKED_FILE = "revoked.txt";

  private final Path dir;

  SealRegister(Path pkiDir) {
    this.dir = pkiDir;
  }

  static String hex(BigInteger serial) {
    return serial.toString(16);
  }

  void recordIssued(X509Certificate certificate) throws SigningException {
    Path file = dir.resolve(ISSUED_DIR).resolve(hex(certificate.getSerialNumber()) + ".pem");
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, Certificates.pem(certificate), StandardCharsets.US_ASCII);
      }
    } catch (IOException e) {
      throw new SigningException("cannot record the issued certificate " + file, e);
    }
  }

  /** Every recorded certificate, oldest first. */
  List<X509Certificate> issued() throws SigningException {
    List<X509Certificate> result = new ArrayList<>();
    Path issuedDir = dir.resolve(ISSUED_DIR);
    if (!Files.isDirectory(issuedDir)) {
      return result;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(issuedDir, "*.pem")) {
      for (Path file : files) {
        result.add(Certificates.parse(Files.readAllBytes(file)));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningException("cannot read the issued certificates in " + issuedDir, e);
    }
    result.sort(Comparator.comparing(X509Certificate::getNotBefore));
    return result;
  }

  /** The recorded certificate with this serial, or null. */
  X509Certificate find(BigInteger serial) throws SigningException {
    for (X509Certificate certificate : issued()) {
      if (certificate.getSerialNumber().equals(serial)) {
        return certificate;
      }
    }
    return null;
  }

  /** Revoked serials with their revocation time. */
  Map<BigInteger, Instant> revoked() throws SigningException {
    Map<BigInteger, Instant> result = new LinkedHashMap<>();
    Path file = dir.resolve(REVOKED_FILE);
    if (!Files.exists(file)) {
      return result;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length == 2) {
          result.putIfAbsent(
              new BigInteger(parts[0], 16), Instant.ofEpochMilli(Long.parseLong(parts[1])));
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new SigningException("cannot read " + file, e);
    }
    return result;
  }

  void revoke(BigInteger serial, Instant at) throws SigningException {
    Path file = dir.resolve(REVOKED_FILE);
    try {
      Files.writeString(
          file,
          hex(serial) + " " + at.toEpochMilli() + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new SigningException("cannot record the revocation in " + file, e);
    }
  }
}
