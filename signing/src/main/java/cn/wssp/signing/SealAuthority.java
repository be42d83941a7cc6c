package cn.wssp.signing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * The service center's internal certification authority (embedded default, §6): a self-signed
 * root, an issuing CA below it, and the department seals and the timestamping unit it issues.
 *
 * <p>Everything lives in {@code pkiDir}, protected by one store password:
 *
 * <ul>
 *   <li>{@code ca.p12} — root and issuing CA keys with their certificates, written once;
 *   <li>{@code seals.p12} — one key entry per department seal, plus the timestamping unit;
 *   <li>{@code root-ca.pem} — the root certificate, for verifiers (pdfsig/NSS, Adobe, browsers).
 * </ul>
 *
 * Opening the same directory again gives the same CA and the same seals, so documents signed
 * before a restart keep verifying. Safe for concurrent use by many threads; several portal
 * processes sharing the directory coordinate through a lock file when they add a seal.
 */
public final class SealAuthority implements CrlSource {

  static final String CA_STORE = "ca.p12";
  static final String SEAL_STORE = "seals.p12";
  static final String ROOT_PEM = "root-ca.pem";
  private static final String LOCK_FILE = ".pki.lock";
  private static final String ROOT_ALIAS = "root-ca";
  private static final String ISSUING_ALIAS = "issuing-ca";
  private static final String SEAL_ALIAS_PREFIX = "seal-";
  private static final String TSA_ALIAS = "timestamp-unit";

  private static final int ROOT_YEARS = 20;
  private static final int ISSUING_YEARS = 10;
  private static final int SEAL_YEARS = 5;
  private static final int TSA_YEARS = 5;
  /** A seal this close to expiry is renewed, so no document is signed with a dying certificate. */
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(30);
  private static final Duration CRL_VALIDITY = Duration.ofDays(7);
  private static final Duration CRL_REISSUE_AFTER = Duration.ofHours(1);

  /** Department codes become key store aliases, which PKCS#12 compares case-insensitively. */
  private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** One lock per directory in this JVM; a FileLock alone throws when the same JVM asks twice. */
  private static final Map<Path, ReentrantLock> DIRECTORY_LOCKS = new ConcurrentHashMap<>();

  private final Path pkiDir;
  private final char[] password;
  private final X509Certificate root;
  private final X509Certificate issuing;
  private final PrivateKey issuingKey;
  private final PrivateKey rootKey;
  private final Map<String, Pkcs12SealToken> sealCache = new ConcurrentHashMap<>();
  private final Map<String, IssuedCrl> crlCache = new ConcurrentHashMap<>();
  private volatile InternalTimestampAuthority timestampAuthority;

  private record IssuedCrl(byte[] der, Instant issuedAt) {}

  private SealAuthority(
      Path pkiDir,
      char[] password,
      X509Certificate root,
      PrivateKey rootKey,
      X509Certificate issuing,
      PrivateKey issuingKey) {
    this.pkiDir = pkiDir;
    this.password = password;
    this.root = root;
    this.rootKey = rootKey;
    this.issuing = issuing;
    this.issuingKey = issuingKey;
  }

  /**
   * Opens the CA kept in {@code pkiDir}, creating it on first use.
   *
   * @param centerName used only when creating: the root is named "&lt;centerName&gt; 根证书"; an
   *     existing CA keeps its names
   * @throws SigningException if the password is wrong, the files are damaged, or the directory
   *     holds seals without their CA (refusing to create a second, unrelated CA over them)
   */
  public static SealAuthority openOrCreate(Path pkiDir, char[] storePassword, String centerName)
      throws SigningException {
    if (pkiDir == null || storePassword == null || storePassword.length == 0) {
      throw new SigningException("the PKI directory and a non-empty store password are required");
    }
    if (centerName == null || centerName.isBlank()) {
      throw new SigningException("the service center's name is required");
    }
    Path dir = pkiDir.toAbsolutePath().normalize();
    char[] password = storePassword.clone();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SigningException("cannot create the PKI directory " + dir, e);
    }
    return withDirectoryLock(
        dir,
        () -> {
          Path caFile = dir.resolve(CA_STORE);
          SealAuthority authority;
          if (Files.exists(caFile)) {
            authority = load(dir, password, Pkcs12Store.loadOrEmpty(caFile, password));
          } else {
            if (Files.exists(dir.resolve(SEAL_STORE))) {
              throw new SigningException(
                  dir.resolve(SEAL_STORE) + " exists but " + caFile + " is missing: restore the CA"
                      + " store from backup instead of creating a new CA");
            }
            authority = create(dir, password, centerName.strip());
          }
          // Verifiers read the PEM; rewrite it if it was deleted or is stale.
          authority.writeRootPemIfChanged();
          // A wrong seal-store password must fail now, not at the first signature.
          Pkcs12Store.loadOrEmpty(dir.resolve(SEAL_STORE), password);
          return authority;
        });
  }

  private static SealAuthority create(Path dir, char[] password, String centerName)
      throws SigningException {
    KeyPair rootKeys = CertificateIssuer.newKeyPair();
    X509Certificate root =
        CertificateIssuer.selfSignedRoot(
            CertificateIssuer.name(centerName + " 根证书", centerName, null), rootKeys, ROOT_YEARS);
    KeyPair issuingKeys = CertificateIssuer.newKeyPair();
    X509Certificate issuing =
        CertificateIssuer.issuingCa(
            CertificateIssuer.name(centerName + " 电子印章签发证书", centerName, null),
            issuingKeys.getPublic(),
            root,
            rootKeys.getPrivate(),
            ISSUING_YEARS);
    try {
      KeyStore store = Pkcs12Store.loadOrEmpty(dir.resolve(CA_STORE), password);
      store.setKeyEntry(ROOT_ALIAS, rootKeys.getPrivate(), password, new Certificate[] {root});
      store.setKeyEntry(
          ISSUING_ALIAS, issuingKeys.getPrivate(), password, new Certificate[] {issuing, root});
      Pkcs12Store.saveAtomically(store, dir.resolve(CA_STORE), password);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot store the new CA keys", e);
    }
    return new SealAuthority(
        dir, password, root, rootKeys.getPrivate(), issuing, issuingKeys.getPrivate());
  }

  private static SealAuthority load(Path dir, char[] password, KeyStore store)
      throws SigningException {
    try {
      Key rootKey = store.getKey(ROOT_ALIAS, password);
      Key issuingKey = store.getKey(ISSUING_ALIAS, password);
      Certificate root = store.getCertificate(ROOT_ALIAS);
      Certificate issuing = store.getCertificate(ISSUING_ALIAS);
      if (!(rootKey instanceof PrivateKey)
          || !(issuingKey instanceof PrivateKey)
          || !(root instanceof X509Certificate)
          || !(issuing instanceof X509Certificate)) {
        throw new SigningException(
            dir.resolve(CA_STORE) + " does not hold the root and issuing CA keys");
      }
      return new SealAuthority(
          dir,
          password,
          (X509Certificate) root,
          (PrivateKey) rootKey,
          (X509Certificate) issuing,
          (PrivateKey) issuingKey);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot read the CA keys from " + dir.resolve(CA_STORE), e);
    }
  }

  public X509Certificate rootCertificate() {
    return root;
  }

  /** The CA that issues seals and the TSA certificate (signed by the root). */
  public X509Certificate issuingCertificate() {
    return issuing;
  }

  /** The root certificate in PEM, as written to {@code root-ca.pem}. */
  public String rootCertificatePem() {
    return toPem(root);
  }

  /** What a {@link PdfVerifier} for this center's documents should trust: the root only. */
  public List<X509Certificate> trustAnchors() {
    return List.of(root);
  }

  /**
   * The seal of a department, created on first use: a new RSA key and a certificate with subject
   * CN="&lt;departmentName&gt; 行政许可专用章", O=departmentName, OU=departmentCode, issued by the
   * issuing CA for 5 years and kept in {@code seals.p12}. A seal is re-issued (new key) when the
   * department's name changed — a seal must show the name of the organ that uses it — or when its
   * certificate expires within 30 days. Documents already signed keep verifying: they embed the
   * old certificate.
   *
   * @param departmentCode stable code of the department (letters, digits, '.', '_', '-')
   */
  public SealToken sealFor(String departmentCode, String departmentName) throws SigningException {
    if (departmentCode == null || !DEPARTMENT_CODE.matcher(departmentCode).matches()) {
      throw new SigningException(
          "invalid department code '" + departmentCode + "': use 1-64 letters, digits, '.', '_' or '-'");
    }
    if (departmentName == null || departmentName.isBlank()) {
      throw new SigningException("the department name is required for its seal");
    }
    String name = departmentName.strip();
    String alias = SEAL_ALIAS_PREFIX + departmentCode.toLowerCase(java.util.Locale.ROOT);
    Pkcs12SealToken cached = sealCache.get(alias);
    if (cached != null && sealFits(cached.certificate(), departmentCode, name)) {
      return cached;
    }
    return withDirectoryLock(
        pkiDir,
        () -> {
          // Re-read under the lock: another thread or portal process may have just added it.
          Path file = pkiDir.resolve(SEAL_STORE);
          KeyStore store = Pkcs12Store.loadOrEmpty(file, password);
          Pkcs12SealToken existing = readToken(store, alias);
          if (existing != null && sealFits(existing.certificate(), departmentCode, name)) {
            sealCache.put(alias, existing);
            return existing;
          }
          KeyPair keys = CertificateIssuer.newKeyPair();
          X509Certificate certificate =
              CertificateIssuer.seal(
                  CertificateIssuer.name(name + " 行政许可专用章", name, departmentCode),
                  keys.getPublic(),
                  issuing,
                  issuingKey,
                  SEAL_YEARS);
          Pkcs12SealToken token =
              new Pkcs12SealToken(keys.getPrivate(), List.of(certificate, issuing, root));
          writeEntry(store, file, alias, token);
          sealCache.put(alias, token);
          return token;
        });
  }

  /**
   * The portal's own RFC 3161 timestamping authority, its key and certificate (issued by the
   * issuing CA, extended key usage timeStamping) created on first use and kept in
   * {@code seals.p12}.
   */
  public InternalTimestampAuthority timestampAuthority() throws SigningException {
    InternalTimestampAuthority current = timestampAuthority;
    if (current != null) {
      return current;
    }
    return withDirectoryLock(
        pkiDir,
        () -> {
          if (timestampAuthority != null) {
            return timestampAuthority;
          }
          Path file = pkiDir.resolve(SEAL_STORE);
          KeyStore store = Pkcs12Store.loadOrEmpty(file, password);
          Pkcs12SealToken unit = readToken(store, TSA_ALIAS);
          if (unit == null || !currentlyIssuedByUs(unit.certificate())) {
            KeyPair keys = CertificateIssuer.newKeyPair();
            String center = commonOrganisation(root);
            X509Certificate certificate =
                CertificateIssuer.timestampUnit(
                    CertificateIssuer.name(center + " 时间戳服务", center, null),
                    keys.getPublic(),
                    issuing,
                    issuingKey,
                    TSA_YEARS);
            unit = new Pkcs12SealToken(keys.getPrivate(), List.of(certificate, issuing, root));
            writeEntry(store, file, TSA_ALIAS, unit);
          }
          timestampAuthority =
              new InternalTimestampAuthority(readPrivateKey(store, TSA_ALIAS), unit.certificateChain());
          return timestampAuthority;
        });
  }

  /**
   * Current CRLs for {@code certificate}'s issuer when that issuer is this CA (the issuing CA for
   * seals and the TSA, the root for the issuing CA); nothing for the root itself or for foreign
   * certificates. Nothing is revoked yet, so the CRLs are empty; they still prove that status.
   */
  @Override
  public List<byte[]> crlsFor(X509Certificate certificate) throws SigningException {
    if (certificate == null || certificate.equals(root)) {
      return List.of();
    }
    if (issuedBy(certificate, issuing)) {
      return List.of(crl("issuing", issuing, issuingKey));
    }
    if (issuedBy(certificate, root)) {
      return List.of(crl("root", root, rootKey));
    }
    return List.of();
  }

  /**
   * Whether this CA can sign right now: its issuing certificate is within its validity and its
   * key produces a signature that the certificate's public key verifies. Meant for health checks.
   */
  public boolean isUsable() {
    try {
      issuing.checkValidity();
      byte[] probe = ("wssp-probe-" + Instant.now()).getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(CertificateIssuer.SIGNATURE_ALGORITHM);
      signer.initSign(issuingKey);
      signer.update(probe);
      byte[] value = signer.sign();
      Signature verifier = Signature.getInstance(CertificateIssuer.SIGNATURE_ALGORITHM);
      verifier.initVerify(issuing.getPublicKey());
      verifier.update(probe);
      return verifier.verify(value);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SealAuthority[" + pkiDir + ", root=" + root.getSubjectX500Principal().getName() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private boolean sealFits(X509Certificate certificate, String departmentCode, String name) {
    return name.equals(attribute(certificate, BCStyle.O))
        && departmentCode.equals(attribute(certificate, BCStyle.OU))
        && currentlyIssuedByUs(certificate);
  }

  private boolean currentlyIssuedByUs(X509Certificate certificate) {
    Instant renewAt = Instant.now().plus(RENEW_BEFORE_EXPIRY);
    return certificate.getNotAfter().toInstant().isAfter(renewAt) && issuedBy(certificate, issuing);
  }

  private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
    if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private byte[] crl(String cacheKey, X509Certificate issuer, PrivateKey key)
      throws SigningException {
    IssuedCrl cached = crlCache.get(cacheKey);
    if (cached != null && cached.issuedAt().plus(CRL_REISSUE_AFTER).isAfter(Instant.now())) {
      return cached.der().clone();
    }
    X509CRL crl = CertificateIssuer.emptyCrl(issuer, key, CRL_VALIDITY);
    try {
      IssuedCrl fresh = new IssuedCrl(crl.getEncoded(), Instant.now());
      crlCache.put(cacheKey, fresh);
      return fresh.der().clone();
    } catch (java.security.cert.CRLException e) {
      throw new SigningException("cannot encode the CRL", e);
    }
  }

  private Pkcs12SealToken readToken(KeyStore store, String alias) throws SigningException {
    try {
      if (!store.isKeyEntry(alias)) {
        return null;
      }
      Certificate[] chain = store.getCertificateChain(alias);
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : chain) {
        certificates.add((X509Certificate) c);
      }
      return new Pkcs12SealToken(readPrivateKey(store, alias), certificates);
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot read the seal entry " + alias, e);
    }
  }

  private PrivateKey readPrivateKey(KeyStore store, String alias) throws SigningException {
    try {
      Key key = store.getKey(alias, password);
      if (!(key instanceof PrivateKey)) {
        throw new SigningException("the key store entry " + alias + " holds no private key");
      }
      return (PrivateKey) key;
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot read the key of " + alias + " (wrong password?)", e);
    }
  }

  private void writeEntry(KeyStore store, Path file, String alias, Pkcs12SealToken token)
      throws SigningException {
    // The token does not hand out its key, so re-create the entry from the freshly made parts.
    try {
      store.setKeyEntry(
          alias,
          token.privateKeyForStore(),
          password,
          token.certificateChain().toArray(new Certificate[0]));
    } catch (GeneralSecurityException e) {
      throw new SigningException("cannot add " + alias + " to the seal store", e);
    }
    Pkcs12Store.saveAtomically(store, file, password);
  }

  private void writeRootPemIfChanged() throws SigningException {
    Path pem = pkiDir.resolve(ROOT_PEM);
    String content = toPem(root);
    try {
      if (Files.exists(pem) && Files.readString(pem, StandardCharsets.US_ASCII).equals(content)) {
        return;
      }
      Path temp = pem.resolveSibling(ROOT_PEM + ".tmp");
      Files.writeString(temp, content, StandardCharsets.US_ASCII);
      Files.move(
          temp,
          pem,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SigningException("cannot write " + pem, e);
    }
  }

  static String toPem(X509Certificate certificate) {
    try {
      Base64.Encoder encoder =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
      return "-----BEGIN CERTIFICATE-----\n"
          + encoder.encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate we hold cannot be encoded", e);
    }
  }

  /** The value of one name attribute (CN, O, OU) of a certificate's subject, or null. */
  static String attribute(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    try {
      X500Name subject = new JcaX509CertificateHolder(certificate).getSubject();
      var rdns = subject.getRDNs(type);
      if (rdns.length == 0) {
        return null;
      }
      var value = rdns[0].getFirst().getValue();
      // The plain string, not the RFC 4514 escaped form that IETFUtils would give.
      return value instanceof ASN1String ? ((ASN1String) value).getString() : IETFUtils.valueToString(value);
    } catch (CertificateEncodingException e) {
      return null;
    }
  }

  private static String commonOrganisation(X509Certificate root) {
    String organisation = attribute(root, BCStyle.O);
    return organisation != null ? organisation : attribute(root, BCStyle.CN);
  }

  @FunctionalInterface
  private interface LockedAction<T> {
    T run() throws SigningException;
  }

  private static <T> T withDirectoryLock(Path dir, LockedAction<T> action) throws SigningException {
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
}
