package cn.wssp.signing;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The service center's internal certification authority (embedded default, §6): a self-signed
 * root, an issuing CA below it, and what the issuing CA issues — one seal per department
 * (行政许可专用章), the center's own seal (受理专用章) and the timestamping unit — with the
 * trust services around them: CRLs, an OCSP responder, revocation and re-keying.
 *
 * <p>A facade over its parts: {@link PkiKeyStore} keeps the CA keys in {@code pkiDir}
 * ({@code ca.p12}, {@code root-ca.pem}, one store password), {@link SealKeys} the seal keys
 * ({@code seals.p12} or a PKCS#11 token), {@link SealRegister} what was issued and revoked, and
 * {@link CertificateAuthority} issues certificates and CRLs. This class wires them: it looks a
 * seal up, has a new key made and certified when the seal is missing, outdated or revoked, and
 * records it.
 *
 * <p>Opening the same directory again gives the same CA and the same seals, so documents signed
 * before a restart keep verifying. Safe for concurrent use by many threads; several portal
 * processes sharing the directory coordinate through a lock file when they add a seal.
 */
public final class SealAuthority implements CrlSource, OcspSource {

  /** Department codes become key store aliases, which PKCS#12 compares case-insensitively. */
  private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Title of a department's seal, used on decisions. */
  public static final String DEPARTMENT_SEAL_TITLE = "行政许可专用章";
  /** Title of the center's own seal, used on notices (受理/补正/不予受理). */
  public static final String CENTER_SEAL_TITLE = "受理专用章";
  /** The organisational unit (OU) of the center's own seal in place of a department code. */
  public static final String CENTER_CODE = "CENTER";

  private final PkiKeyStore store;
  private final CertificateAuthority ca;
  private final SealRegister register;
  private final String centerName;
  private final PkiEndpoints endpoints;
  private final SealKeys sealKeys;
  private final Map<String, SealToken> sealCache = new ConcurrentHashMap<>();
  private volatile InternalTimestampAuthority timestampAuthority;

  private SealAuthority(
      PkiKeyStore store,
      CertificateAuthority ca,
      String centerName,
      PkiEndpoints endpoints,
      SealKeys sealKeys) {
    this.store = store;
    this.sealKeys = sealKeys == null ? new Pkcs12SealKeys(store) : sealKeys;
    this.ca = ca;
    this.register = new SealRegister(store.directory());
    this.centerName = centerName;
    this.endpoints = endpoints;
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
    return openOrCreate(pkiDir, storePassword, centerName, null);
  }

  /**
   * As {@link #openOrCreate(Path, char[], String)}; seals issued from now on name {@code
   * endpoints} (OCSP, CRL, issuing certificate), and stored seals that do not are replaced on
   * their next use. Certificates issued before the register existed are recorded in it, so the
   * OCSP responder knows them.
   */
  public static SealAuthority openOrCreate(
      Path pkiDir, char[] storePassword, String centerName, PkiEndpoints endpoints)
      throws SigningException {
    return openOrCreate(pkiDir, storePassword, centerName, endpoints, null);
  }

  /**
   * As {@link #openOrCreate(Path, char[], String, PkiEndpoints)}, with the seal keys on a PKCS#11
   * token ({@code hsm}; null: in {@code seals.p12}). The CA and timestamping keys stay in the
   * PKCS#12 stores; seals are generated on the token the first time each is needed there.
   */
  public static SealAuthority openOrCreate(
      Path pkiDir,
      char[] storePassword,
      String centerName,
      PkiEndpoints endpoints,
      Pkcs11SealKeys hsm)
      throws SigningException {
    return openOrCreate(pkiDir, storePassword, centerName, endpoints, hsm, null);
  }

  /**
   * As {@link #openOrCreate(Path, char[], String, PkiEndpoints, Pkcs11SealKeys)}, with the root
   * key kept apart so it can be taken offline: a new CA writes its root key to {@code
   * offlineRootStore} (a PKCS#12 file, same password, e.g. on removable media) and not to
   * {@code ca.p12}. The root key certifies the issuing CA and signs the root's CRL (valid one
   * year, kept in {@code root-ca.crl}); with that done the file may be absent at run time and
   * the portal signs, timestamps and answers OCSP with the issuing key alone. Bring it back
   * within the year so the root's CRL is renewed.
   *
   * @param offlineRootStore null: the root key stays in {@code ca.p12} (embedded default)
   */
  public static SealAuthority openOrCreate(
      Path pkiDir,
      char[] storePassword,
      String centerName,
      PkiEndpoints endpoints,
      Pkcs11SealKeys hsm,
      Path offlineRootStore)
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
            ca = new CertificateAuthority(store.loadCa(offlineRootStore));
          } else {
            if (store.holdsSeals()) {
              throw new SigningException(
                  store.directory().resolve(PkiKeyStore.SEAL_STORE) + " exists but "
                      + store.directory().resolve(PkiKeyStore.CA_STORE) + " is missing: restore"
                      + " the CA store from backup instead of creating a new CA");
            }
            ca = CertificateAuthority.createNew(centerName.strip());
            store.saveCa(ca.keys(), offlineRootStore);
          }
          if (ca.rootOnline()) {
            // Kept for the time the root key is offline: the issuing CA's revocation status.
            store.saveRootCrl(ca.longLivedRootCrl());
          } else {
            byte[] rootCrl = store.loadRootCrl();
            if (rootCrl == null) {
              throw new SigningException("the root key is offline and " + store.directory()
                  .resolve(PkiKeyStore.ROOT_CRL) + " is missing: bring the root key store back"
                  + " once so the root's CRL can be issued");
            }
            ca.useOfflineRootCrl(rootCrl);
          }
          // Verifiers read the PEM; rewrite it if it was deleted or is stale.
          store.writeRootPem(ca.root());
          store.checkSealStoreReadable();
          SealAuthority authority =
              new SealAuthority(store, ca, centerName.strip(), endpoints, hsm);
          authority.recordStoredCertificates();
          return authority;
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
    return sealFor(departmentCode, departmentName, SealAlgorithm.RSA);
  }

  /**
   * As {@link #sealFor(String, String)}, with a key of {@code algorithm}: a department whose
   * algorithm changed gets a new seal (new key and certificate) of the new algorithm on its next
   * use, like a department whose name changed.
   */
  public SealToken sealFor(String departmentCode, String departmentName, SealAlgorithm algorithm)
      throws SigningException {
    if (algorithm == null) {
      throw new SigningException("the seal algorithm is required (RSA, ECDSA_P256 or SM2)");
    }
    if (departmentCode == null || !DEPARTMENT_CODE.matcher(departmentCode).matches()) {
      throw new SigningException(
          "invalid department code '" + departmentCode
              + "': use 1-64 letters, digits, '.', '_' or '-'");
    }
    if (departmentName == null || departmentName.isBlank()) {
      throw new SigningException("the department name is required for its seal");
    }
    return seal(departmentCode, departmentName.strip(), DEPARTMENT_SEAL_TITLE, algorithm);
  }

  /**
   * The center's own seal (受理专用章, for notices of acceptance, supplement and non-acceptance):
   * CN="&lt;centerName&gt; 受理专用章", O=centerName, OU={@link #CENTER_CODE}; created, renewed
   * and re-keyed after revocation like a department's seal.
   */
  public SealToken centerSeal() throws SigningException {
    return seal(CENTER_CODE, centerName, CENTER_SEAL_TITLE, SealAlgorithm.RSA);
  }

  private SealToken seal(String code, String name, String title, SealAlgorithm algorithm)
      throws SigningException {
    boolean center = CENTER_SEAL_TITLE.equals(title);
    String alias = center ? PkiKeyStore.CENTER_SEAL_ALIAS : PkiKeyStore.sealAlias(code);
    SealToken cached = sealCache.get(alias);
    if (cached != null && fits(cached, code, name, algorithm)) {
      return new RevocationCheckedSeal(cached, register);
    }
    return store.locked(
        () -> {
          // Re-read under the lock: another thread or portal process may have just added it.
          SealToken seal = sealKeys.load(alias);
          if (seal == null || !fits(seal, code, name, algorithm)) {
            seal =
                sealKeys.create(
                    alias,
                    algorithm,
                    publicKey ->
                        ca.chainOf(ca.certifySeal(code, name, title, endpoints, publicKey)));
            register.recordIssued(seal.certificateChain().get(0));
          }
          sealCache.put(alias, seal);
          return new RevocationCheckedSeal(seal, register);
        });
  }

  private boolean fits(SealToken seal, String code, String name, SealAlgorithm algorithm)
      throws SigningException {
    return seal.algorithm() == algorithm
        && ca.sealStillFits(
            seal.certificateChain().get(0), code, name, endpoints, register.revoked());
  }

  /**
   * Every seal certificate this CA issued (current, replaced and revoked), newest first. Seals
   * issued before the register existed appear once they are recorded, i.e. from the first start
   * of this version on.
   */
  public List<SealInfo> seals() throws SigningException {
    Map<BigInteger, Instant> revoked = register.revoked();
    // ACTIVE is what the holder signs with now: the seal stored under its alias.
    Map<String, X509Certificate> current = new HashMap<>();
    List<SealInfo> result = new ArrayList<>();
    Instant now = Instant.now();
    for (X509Certificate certificate : register.issued()) {
      if (!isSeal(certificate)) {
        continue;
      }
      String alias = aliasOf(certificate);
      if (!current.containsKey(alias)) {
        SealToken stored = sealKeys.load(alias);
        current.put(alias, stored == null ? null : stored.certificateChain().get(0));
      }
      BigInteger serial = certificate.getSerialNumber();
      SealInfo.Status status =
          revoked.containsKey(serial) ? SealInfo.Status.REVOKED
              : certificate.getNotAfter().toInstant().isBefore(now) ? SealInfo.Status.EXPIRED
              : certificate.equals(current.get(alias)) ? SealInfo.Status.ACTIVE
              : SealInfo.Status.SUPERSEDED;
      result.add(info(certificate, status, revoked.get(serial)));
    }
    result.sort((a, b) -> b.notAfter().compareTo(a.notAfter()));
    return result;
  }

  /**
   * Revokes the seal certificate {@code id} (serial number in hex) and issues its holder a new
   * seal with a new key at once, so signing goes on. Revoking a revoked seal changes nothing.
   *
   * @return the revoked seal, or null if this CA issued no seal with that id
   */
  public SealInfo revoke(String id) throws SigningException {
    BigInteger serial;
    try {
      serial = new BigInteger(id == null ? "" : id.strip(), 16);
    } catch (NumberFormatException e) {
      return null;
    }
    X509Certificate certificate = register.find(serial);
    if (certificate == null || !isSeal(certificate)) {
      return null;
    }
    store.locked(
        () -> {
          if (!register.revoked().containsKey(serial)) {
            register.revoke(serial, Instant.now());
          }
          return null;
        });
    String code = Certificates.attribute(certificate, BCStyle.OU);
    String name = Certificates.attribute(certificate, BCStyle.O);
    boolean center = titleOf(certificate).equals(CENTER_SEAL_TITLE);
    sealCache.remove(aliasOf(certificate));
    // Re-key: the holder's current seal is replaced if it was the one revoked.
    if (center) {
      centerSeal();
    } else {
      seal(code, name, DEPARTMENT_SEAL_TITLE, SealAlgorithm.of(certificate));
    }
    return info(certificate, SealInfo.Status.REVOKED, register.revoked().get(serial));
  }

  /** Whether {@code certificate} was revoked by this CA. */
  public boolean isRevoked(X509Certificate certificate) throws SigningException {
    return register.revoked().containsKey(certificate.getSerialNumber());
  }

  /**
   * The DER OCSP response (RFC 6960) to a DER OCSP request about certificates of the issuing CA,
   * signed by the issuing CA. Malformed requests get a malformedRequest response.
   */
  public byte[] ocspResponse(byte[] request) throws SigningException {
    return OcspResponder.respond(
        request,
        ca.issuing(),
        ca.keys().issuingKey(),
        new OcspResponder.Status() {
          @Override
          public boolean issued(BigInteger serial) throws SigningException {
            return register.find(serial) != null;
          }

          @Override
          public Map<BigInteger, Instant> revoked() throws SigningException {
            return register.revoked();
          }
        });
  }

  /**
   * The responder's answer about {@code certificate} as a DER BasicOCSPResponse, for embedding
   * (PAdES B-LT); null unless the issuing CA issued it and it is good.
   */
  @Override
  public byte[] ocspResponseFor(X509Certificate certificate, X509Certificate issuer)
      throws SigningException {
    if (!Certificates.issuedBy(certificate, ca.issuing())) {
      return null;
    }
    return OcspResponder.goodResponseAbout(certificate, ca.issuing(), this::ocspResponse);
  }

  /** The issuing CA's current CRL (DER), listing every revoked seal. */
  public byte[] issuingCrl() throws SigningException {
    return ca.issuingCrl(register.revoked());
  }

  /** The issuing CA's certificate in PEM (for {@code openssl ocsp -issuer}). */
  public String issuingCertificatePem() {
    return Certificates.pem(ca.issuing());
  }

  /** The OCSP, CRL and issuer URLs written into new seals, or null when none were configured. */
  public PkiEndpoints endpoints() {
    return endpoints;
  }

  private static boolean isSeal(X509Certificate certificate) {
    String title = titleOf(certificate);
    return title.equals(DEPARTMENT_SEAL_TITLE) || title.equals(CENTER_SEAL_TITLE);
  }

  private static String titleOf(X509Certificate certificate) {
    String cn = Certificates.attribute(certificate, BCStyle.CN);
    if (cn == null) {
      return "";
    }
    int space = cn.lastIndexOf(' ');
    return space < 0 ? cn : cn.substring(space + 1);
  }

  private static String aliasOf(X509Certificate certificate) {
    return titleOf(certificate).equals(CENTER_SEAL_TITLE)
        ? PkiKeyStore.CENTER_SEAL_ALIAS
        : PkiKeyStore.sealAlias(String.valueOf(Certificates.attribute(certificate, BCStyle.OU)));
  }

  private static SealInfo info(X509Certificate certificate, SealInfo.Status status, Instant revokedAt) {
    return new SealInfo(
        SealRegister.hex(certificate.getSerialNumber()),
        Certificates.attribute(certificate, BCStyle.OU),
        Certificates.attribute(certificate, BCStyle.O),
        titleOf(certificate),
        certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
        certificate.getNotAfter().toInstant(),
        status,
        revokedAt);
  }

  /** Installations from before the register: record the seals and TSA already in the store. */
  private void recordStoredCertificates() throws SigningException {
    List<X509Certificate> stored = new ArrayList<>(store.storedCertificates());
    if (!(sealKeys instanceof Pkcs12SealKeys)) {
      stored.addAll(sealKeys.storedCertificates());
    }
    for (X509Certificate certificate : stored) {
      if (Certificates.issuedBy(certificate, ca.issuing())) {
        register.recordIssued(certificate);
      }
    }
  }

  /**
   * A seal that asks the register before every signature, so a seal revoked while a caller still
   * holds it cannot sign another document.
   */
  private static final class RevocationCheckedSeal implements SealToken {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private final SealToken seal;
    private final SealRegister register;

    RevocationCheckedSeal(SealToken seal, SealRegister register) {
      this.seal = seal;
      this.register = register;
    }

    @Override
    public List<X509Certificate> certificateChain() {
      return seal.certificateChain();
    }

    @Override
    public SealAlgorithm algorithm() throws SigningException {
      return seal.algorithm();
    }

    @Override
    public byte[] sign(byte[] data) throws SigningException {
      X509Certificate certificate = seal.certificateChain().get(0);
      Instant revokedAt = register.revoked().get(certificate.getSerialNumber());
      if (revokedAt != null) {
        throw new SigningException(
            "印章证书（" + Certificates.attribute(certificate, BCStyle.CN) + "，序列号 "
                + certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)
                + "）已于 " + TIME.format(revokedAt) + " 吊销，不能再用于签章；请使用重新签发的印章。");
      }
      return seal.sign(data);
    }

    @Override
    public String toString() {
      return seal.toString();
    }
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
            unit = newTimestampUnit(null);
          }
          return adopt(unit);
        });
  }

  /**
   * Renews the timestamping unit (new key and certificate) when its certificate ends before
   * {@code mustOutlive} and a unit certified now would end at least a day later. Archive
   * timestamps (B-LTA) renew a document's evidence before its timestamp certificate expires;
   * made by a unit that expires no later, they would gain nothing, so the unit is renewed at the
   * archive horizon rather than 30 days before its end. Reads the store under the PKI lock, so
   * a unit another portal process renewed is adopted rather than renewed again.
   *
   * @return when the current unit's certificate ends, after any renewal; still before
   *     {@code mustOutlive} only if the issuing CA itself ends before it (then the issuing CA
   *     needs renewing)
   */
  public Instant renewTimestampUnitIfEndsBefore(Instant mustOutlive) throws SigningException {
    return store.locked(
        () -> {
          Pkcs12SealToken unit = store.loadTimestampUnit();
          if (unit == null || !ca.issuedHereAndNotExpiring(unit.certificate())) {
            unit = newTimestampUnit(null);
          }
          Instant ends = unit.certificate().getNotAfter().toInstant();
          if (ends.isBefore(mustOutlive)
              && ca.timestampUnitReach().isAfter(ends.plus(java.time.Duration.ofDays(1)))) {
            unit = newTimestampUnit(null);
          }
          adopt(unit);
          return unit.certificate().getNotAfter().toInstant();
        });
  }

  /**
   * Replaces the timestamping unit by one valid for {@code validity} only. For tests that need a
   * unit near its end; the portal never calls it.
   */
  void replaceTimestampUnit(java.time.Duration validity) throws SigningException {
    store.locked(() -> adopt(newTimestampUnit(validity)));
  }

  /** Certifies and stores a new unit; call inside the PKI lock. */
  private Pkcs12SealToken newTimestampUnit(java.time.Duration validity) throws SigningException {
    Pkcs12SealToken unit =
        validity == null ? ca.issueTimestampUnit() : ca.issueTimestampUnit(validity);
    register.recordIssued(unit.certificate());
    store.saveTimestampUnit(unit);
    return unit;
  }

  /** Makes {@code unit} the one this process timestamps with (unless it is already). */
  private InternalTimestampAuthority adopt(Pkcs12SealToken unit) throws SigningException {
    InternalTimestampAuthority current = timestampAuthority;
    if (current != null && current.certificateChain().get(0).equals(unit.certificate())) {
      return current;
    }
    timestampAuthority =
        new InternalTimestampAuthority(unit.privateKeyForStore(), unit.certificateChain());
    return timestampAuthority;
  }

  /**
   * Current CRLs for {@code certificate}'s issuer when that issuer is this CA (the issuing CA for
   * seals and the TSA, the root for the issuing CA); nothing for the root itself or for foreign
   * certificates. The issuing CA's CRL lists the revoked seals.
   */
  @Override
  public List<byte[]> crlsFor(X509Certificate certificate) throws SigningException {
    return ca.crlsFor(certificate, register.revoked());
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
