package cn.wssp.signing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the internal PKI's keys live: PKCS#12 stores in one directory, all under one password.
 *
 * <ul>
 *   <li>{@code ca.p12} — root and issuing CA keys with their certificates, written once;
 *   <li>{@code seals.p12} — one key entry per department seal, plus the timestamping unit;
 *   <li>{@code root-ca.pem} — the root certificate, for verifiers (pdfsig/NSS, Adobe, browsers).
 * </ul>
 *
 * Only storage: what to issue, and when a stored seal is still good enough, is decided by
 * {@link CertificateAuthority}. File names and aliases are the on-disk format of existing
 * installations and must not change.
 *
 * <p>Reads and writes do not lock by themselves; a read-modify-write (look for a seal, issue one,
 * save it) must run inside {@link #locked}, so that two threads or two portal processes sharing
 * the directory never both create the same seal.
 */
final class PkiKeyStore {

  static final String CA_STORE = "ca.p12";
  static final String SEAL_STORE = "seals.p12";
  /**
   * SM2 seal keys, in a PKCS#12 file of Bouncy Castle's making: the JDK's PKCS#12 store cannot
   * read certificates on the SM2 curve, and switching {@code seals.p12} to Bouncy Castle would
   * change the format of every installation's store for the sake of one option.
   */
  static final String SM2_SEAL_STORE = "seals-sm2.p12";
  static final String ROOT_PEM = "root-ca.pem";
  /** The root's CRL over the issuing CA, made while the root key was at hand. */
  static final String ROOT_CRL = "root-ca.crl";
  private static final String LOCK_FILE = ".pki.lock";
  private static final String ROOT_ALIAS = "root-ca";
  private static final String ISSUING_ALIAS = "issuing-ca";
  private static final String SEAL_ALIAS_PREFIX = "seal-";
  private static final String TSA_ALIAS = "timestamp-unit";
  /** Not "seal-…": no department code can collide with it. */
  static final String CENTER_SEAL_ALIAS = "center-acceptance-seal";

  /** One lock per directory in this JVM; a FileLock alone throws when the same JVM asks twice. */
  private static final Map<Path, ReentrantLock> DIRECTORY_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final char[] password;

  private PkiKeyStore(Path dir, char[] password) {
    this.dir = dir;
    this.password = password;
  }

  /** Opens (and creates if needed) the directory; the stores themselves are read on demand. */
  static PkiKeyStore open(Path pkiDir, char[] storePassword) throws SigningException {
    Path dir = pkiDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SigningException("cannot create the PKI directory " + dir, e);
    }
    return new PkiKeyStore(dir, storePassword.clone());
  }

  Path directory() {
    return dir;
  }

  boolean holdsCa() {
    return Files.exists(dir.resolve(CA_STORE));
  }

  boolean holdsSeals() {
    return Files.exists(dir.resolve(SEAL_STORE));
  }

  /**
   * The root and issuing CA keys and certificates. The root key comes from {@code ca.p12}, else
   * from {@code offlineRootStore} when that file is present; otherwise it is null: the root is
   * offline and the CA works with the issuing key alone.
   */
  CertificateAuthority.Keys loadCa(Path offlineRootStore) throws SigningException {
    KeyStore store = Pkcs12Store.loadOrEmpty(dir.resolve(CA_STORE), password);
    try {
      Key rootKey = store.isKeyEntry(ROOT_ALIAS) ? store.getKey(ROOT_ALIAS, password) : null;
      Key issuingKey = store.getKey(ISSUING_ALIAS, password);
      Certificate root = store.getCertificate(ROOT_ALIAS);
      Certificate issuing = store.getCertificate(ISSUING_ALIAS);
      if (!(issuingKey instanceof PrivateKey)
          || !(root instanceof X509Certificate)
          || !(issuing instanceof X509Certificate)) {
        throw new SigningException(
            dir.resolve(CA_STORE) + " does not hold the root certificate and the issuing CA key");
      }
      if (rootKey == null && offlineRootStore != null && Files.exists(offlineRootStore)) {
        rootKey = Pkcs12Store.loadOrEmpty(offlineRootStore, password).getKey(ROOT_ALIAS, password);
      }
      return new CertificateAuthority.Keys(
          (X509Certificate) root,
          rootKey instanceof PrivateKey ? (PrivateKey) rootKey : null,
          (X509Certificate) issuing,
          (PrivateKey) issuingKey);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot read the CA keys from " + dir.resolve(CA_STORE), e);
    }
  }

  /**
   * Stores new CA keys. With {@code offlineRootStore} the root key goes to that file only (to be
   * taken offline) and {@code ca.p12} keeps the root's certificate; without, both keys stay in
   * {@code ca.p12}, as in installations of earlier versions.
   */
  void saveCa(CertificateAuthority.Keys keys, Path offlineRootStore) throws SigningException {
    try {
      KeyStore store = Pkcs12Store.loadOrEmpty(dir.resolve(CA_STORE), password);
      if (offlineRootStore == null) {
        store.setKeyEntry(ROOT_ALIAS, keys.rootKey(), password, new Certificate[] {keys.root()});
      } else {
        KeyStore rootStore = Pkcs12Store.loadOrEmpty(offlineRootStore, password);
        rootStore.setKeyEntry(ROOT_ALIAS, keys.rootKey(), password, new Certificate[] {keys.root()});
        Files.createDirectories(offlineRootStore.toAbsolutePath().getParent());
        Pkcs12Store.saveAtomically(rootStore, offlineRootStore, password);
        store.setCertificateEntry(ROOT_ALIAS, keys.root());
      }
      store.setKeyEntry(
          ISSUING_ALIAS,
          keys.issuingKey(),
          password,
          new Certificate[] {keys.issuing(), keys.root()});
      Pkcs12Store.saveAtomically(store, dir.resolve(CA_STORE), password);
    } catch (GeneralSecurityException | IOException e) {
      throw new SigningException("cannot store the new CA keys", e);
    }
  }

  /** The root's last CRL about the issuing CA, kept for when the root key is offline; or null. */
  byte[] loadRootCrl() throws SigningException {
    Path file = dir.resolve(ROOT_CRL);
    try {
      return Files.exists(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      throw new SigningException("cannot read " + file, e);
    }
  }

  void saveRootCrl(byte[] der) throws SigningException {
    Path file = dir.resolve(ROOT_CRL);
    Path temp = file.resolveSibling(ROOT_CRL + ".tmp");
    try {
      Files.write(temp, der);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SigningException("cannot write " + file, e);
    }
  }

  /** Fails now, at startup, rather than at the first signature, if the password is wrong. */
  void checkSealStoreReadable() throws SigningException {
    Pkcs12Store.loadOrEmpty(dir.resolve(SEAL_STORE), password);
  }

  /**
   * The certificate of every key entry in {@code seals.p12} (seals and the timestamping unit)
   * and {@code seals-sm2.p12}.
   */
  List<X509Certificate> storedCertificates() throws SigningException {
    List<X509Certificate> result = new ArrayList<>(storedCertificates(SEAL_STORE, null));
    if (Files.exists(dir.resolve(SM2_SEAL_STORE))) {
      result.addAll(storedCertificates(SM2_SEAL_STORE, BouncyCastle.PROVIDER));
    }
    return result;
  }

  private List<X509Certificate> storedCertificates(
      String fileName, java.security.Provider provider) throws SigningException {
    KeyStore store = Pkcs12Store.loadOrEmpty(dir.resolve(fileName), password, provider);
    List<X509Certificate> result = new ArrayList<>();
    try {
      for (String alias : java.util.Collections.list(store.aliases())) {
        if (store.getCertificate(alias) instanceof X509Certificate certificate) {
          result.add(certificate);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot list " + dir.resolve(fileName), e);
    }
    return result;
  }

  /** The stored timestamping unit, or null. */
  Pkcs12SealToken loadTimestampUnit() throws SigningException {
    return loadEntry(TSA_ALIAS);
  }

  /** Stores (or replaces) the timestamping unit. Call inside {@link #locked}. */
  void saveTimestampUnit(Pkcs12SealToken unit) throws SigningException {
    saveEntry(TSA_ALIAS, unit);
  }

  /** Rewrites {@code root-ca.pem} if it was deleted or holds another certificate. */
  void writeRootPem(X509Certificate root) throws SigningException {
    Path pem = dir.resolve(ROOT_PEM);
    String content = Certificates.pem(root);
    try {
      if (Files.exists(pem) && Files.readString(pem, StandardCharsets.US_ASCII).equals(content)) {
        return;
      }
      Path temp = pem.resolveSibling(ROOT_PEM + ".tmp");
      Files.writeString(temp, content, StandardCharsets.US_ASCII);
      Files.move(temp, pem, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SigningException("cannot write " + pem, e);
    }
  }

  @FunctionalInterface
  interface LockedAction<T> {
    T run() throws SigningException;
  }

  /**
   * Runs {@code action} holding the directory lock: one thread of this JVM at a time, and one
   * process at a time through a lock file. Not re-entrant: never call {@code locked} inside it.
   */
  <T> T locked(LockedAction<T> action) throws SigningException {
    ReentrantLock lock = DIRECTORY_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    lock.lock();
    try (FileChannel channel =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      // Other portal processes sharing the directory wait here (released when the channel closes).
      FileLock fileLock = channel.lock();
      try {
        return action.run();
      } finally {
        fileLock.release();
      }
    } catch (IOException e) {
      throw new SigningException("cannot lock the PKI directory " + dir, e);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------

  static String sealAlias(String departmentCode) {
    return SEAL_ALIAS_PREFIX + departmentCode.toLowerCase(Locale.ROOT);
  }

  /** The entry {@code alias} from {@code seals.p12} or, for SM2 seals, {@code seals-sm2.p12}. */
  Pkcs12SealToken loadEntry(String alias) throws SigningException {
    Pkcs12SealToken entry = loadEntry(alias, SEAL_STORE, null);
    return entry != null ? entry : loadEntry(alias, SM2_SEAL_STORE, BouncyCastle.PROVIDER);
  }

  private Pkcs12SealToken loadEntry(String alias, String fileName, java.security.Provider provider)
      throws SigningException {
    Path file = dir.resolve(fileName);
    if (provider != null && !Files.exists(file)) {
      return null;
    }
    KeyStore store = Pkcs12Store.loadOrEmpty(file, password, provider);
    try {
      if (!store.isKeyEntry(alias)) {
        return null;
      }
      Key key = store.getKey(alias, password);
      if (!(key instanceof PrivateKey)) {
        throw new SigningException("the key store entry " + alias + " holds no private key");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : store.getCertificateChain(alias)) {
        chain.add((X509Certificate) c);
      }
      return new Pkcs12SealToken((PrivateKey) key, chain);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot read the key of " + alias + " (wrong password?)", e);
    }
  }

  /**
   * Stores {@code token} under {@code alias}, in the store for its algorithm, and removes the
   * alias from the other store: a department that changed algorithm has one current seal.
   * Call inside {@link #locked}.
   */
  void saveEntry(String alias, Pkcs12SealToken token) throws SigningException {
    boolean sm2 = SealAlgorithm.of(token.certificate()) == SealAlgorithm.SM2;
    putEntry(alias, token, sm2 ? SM2_SEAL_STORE : SEAL_STORE, sm2 ? BouncyCastle.PROVIDER : null);
    removeEntry(alias, sm2 ? SEAL_STORE : SM2_SEAL_STORE, sm2 ? null : BouncyCastle.PROVIDER);
  }

  private void putEntry(
      String alias, Pkcs12SealToken token, String fileName, java.security.Provider provider)
      throws SigningException {
    Path file = dir.resolve(fileName);
    // Re-read: another process may have added entries since this one last looked.
    KeyStore store = Pkcs12Store.loadOrEmpty(file, password, provider);
    try {
      // The token does not hand out its key, so re-create the entry from the freshly made parts.
      store.setKeyEntry(
          alias,
          token.privateKeyForStore(),
          password,
          token.certificateChain().toArray(new Certificate[0]));
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot add " + alias + " to " + file, e);
    }
    Pkcs12Store.saveAtomically(store, file, password);
  }

  private void removeEntry(String alias, String fileName, java.security.Provider provider)
      throws SigningException {
    Path file = dir.resolve(fileName);
    if (!Files.exists(file)) {
      return;
    }
    KeyStore store = Pkcs12Store.loadOrEmpty(file, password, provider);
    try {
      if (!store.containsAlias(alias)) {
        return;
      }
      store.deleteEntry(alias);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot remove " + alias + " from " + file, e);
    }
    Pkcs12Store.saveAtomically(store, file, password);
  }
}
