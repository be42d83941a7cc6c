package cn.wssp.signing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The service center's internal certification authority (embedded default, §6): a self-signed
 * root, an issuing CA below it, and the department seals and the timestamping unit it issues.
 *
 * <p>A thin facade over two parts: {@link PkiKeyStore} keeps the keys in {@code pkiDir}
 * ({@code ca.p12}, {@code seals.p12}, {@code root-ca.pem}, one store password) and
 * {@link CertificateAuthority} issues certificates and CRLs. This class only wires them: it
 * looks a seal up in the store, has the CA issue one when it is missing or outdated, and stores
 * it.
 *
 * <p>Opening the same directory again gives the same CA and the same seals, so documents signed
 * before a restart keep verifying. Safe for concurrent use by many threads; several portal
 * processes sharing the directory coordinate through a lock file when they add a seal.
 */
public final class SealAuthority implements CrlSource {

  /** Department codes become key store aliases, which PKCS#12 compares case-insensitively. */
  private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final PkiKeyStore store;
  private final CertificateAuthority ca;
  private final Map<String, Pkcs12SealToken> sealCache = new ConcurrentHashMap<>();
  private volatile InternalTimestampAuthority timestampAuthority;

  private SealAuthority(PkiKeyStore store, CertificateAuthority ca) {
    this.store = store;
    this.ca = ca;
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
    PkiKeyStore store = PkiKeyStore.open(pkiDir, storePassword);
    return store.locked(
        () -> {
          CertificateAuthority ca;
          if (store.holdsCa()) {
            ca = new CertificateAuthority(store.loadCa());
          } else {
            if (store.holdsSeals()) {
              throw new SigningException(
                  store.directory().resolve(PkiKeyStore.SEAL_STORE) + " exists but "
                      + store.directory().resolve(PkiKeyStore.CA_STORE) + " is missing: restore"
                      + " the CA store from backup instead of creating a new CA");
            }
            ca = CertificateAuthority.createNew(centerName.strip());
            store.saveCa(ca.keys());
          }
          // Verifiers read the PEM; rewrite it if it was deleted or is stale.
          store.writeRootPem(ca.root());
          store.checkSealStoreReadable();
          return new SealAuthority(store, ca);
        });
  }

  public X509Certificate rootCertificate() {
    return ca.root();
  }

  /** The CA that issues seals and the TSA certificate (signed by the root). */
  public X509Certificate issuingCertificate() {
    return ca.issuing();
  }

  /** The root certificate in PEM, as written to {@code root-ca.pem}. */
  public String rootCertificatePem() {
    return Certificates.pem(ca.root());
  }

  /** What a {@link PdfVerifier} for this center's documents should trust: the root only. */
  public List<X509Certificate> trustAnchors() {
    return List.of(ca.root());
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
          "invalid department code '" + departmentCode
              + "': use 1-64 letters, digits, '.', '_' or '-'");
    }
    if (departmentName == null || departmentName.isBlank()) {
      throw new SigningException("the department name is required for its seal");
    }
    String name = departmentName.strip();
    String cacheKey = departmentCode.toLowerCase(Locale.ROOT);
    Pkcs12SealToken cached = sealCache.get(cacheKey);
    if (cached != null && ca.sealStillFits(cached.certificate(), departmentCode, name)) {
      return cached;
    }
    return store.locked(
        () -> {
          // Re-read under the lock: another thread or portal process may have just added it.
          Pkcs12SealToken seal = store.loadSeal(departmentCode);
          if (seal == null || !ca.sealStillFits(seal.certificate(), departmentCode, name)) {
            seal = ca.issueSeal(departmentCode, name);
            store.saveSeal(departmentCode, seal);
          }
          sealCache.put(cacheKey, seal);
          return seal;
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
    return store.locked(
        () -> {
          if (timestampAuthority != null) {
            return timestampAuthority;
          }
          Pkcs12SealToken unit = store.loadTimestampUnit();
          if (unit == null || !ca.issuedHereAndNotExpiring(unit.certificate())) {
            unit = ca.issueTimestampUnit();
            store.saveTimestampUnit(unit);
          }
          timestampAuthority =
              new InternalTimestampAuthority(unit.privateKeyForStore(), unit.certificateChain());
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
    return ca.crlsFor(certificate);
  }

  /**
   * Whether this CA can sign right now: its issuing certificate is within its validity and its
   * key produces a signature that the certificate's public key verifies. Meant for health checks.
   */
  public boolean isUsable() {
    return ca.isUsable();
  }

  @Override
  public String toString() {
    return "SealAuthority[" + store.directory() + ", root="
        + ca.root().getSubjectX500Principal().getName() + "]";
  }
}
