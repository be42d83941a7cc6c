package cn.wssp.signing;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.TimestampConstants;
import com.itextpdf.signatures.validation.DocumentRevisionsValidator;
import com.itextpdf.signatures.validation.ValidatorChainBuilder;
import com.itextpdf.signatures.validation.context.CertificateSource;
import com.itextpdf.signatures.validation.context.TimeBasedContext;
import com.itextpdf.signatures.validation.context.ValidationContext;
import com.itextpdf.signatures.validation.context.ValidatorContext;
import com.itextpdf.signatures.validation.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Checks the signatures of a PDF independently of how it was made, for the public verification
 * page (§6). For each signature:
 *
 * <ul>
 *   <li><b>intact</b>: the CMS signature verifies over the signed byte ranges (message digest and
 *       signature value), and those ranges cover the whole revision the signature belongs to;
 *   <li><b>timestamped</b>: an RFC 3161 token is present, its imprint matches the signature value,
 *       the TSA's signature over it verifies and the TSA certificate chains to a trust anchor;
 *   <li><b>trusted</b>: the seal certificate chains to one of the trust anchors given to the
 *       constructor, every certificate valid at the signing time (the timestamp's time; without a
 *       trusted timestamp, now, since a claimed time proves nothing) and not revoked by a CRL the
 *       document carries;
 *   <li><b>coversWholeDocument</b>: the signature extends to the end of the file.
 * </ul>
 *
 * The document is intact when every signature is, and whatever was appended after the last
 * signature — or between signatures — is only what PAdES allows (further signatures, validation
 * data in the DSS), as judged by iText's document revisions validator. It is valid when it is
 * signed, intact and every signature is valid.
 *
 * <p>Each signature, and the document as a whole, also gets an {@link Indication} with a
 * {@link SubIndication} saying why it did not pass, as EU DSS reports them: HASH_FAILURE for
 * changed signed bytes, SIG_CRYPTO_FAILURE for a signature value that does not verify,
 * NO_CERTIFICATE_CHAIN_FOUND (indeterminate) for a seal from a CA the verifier does not trust,
 * NOT_COVERING_WHOLE_DOCUMENT for forbidden changes after signing, and so on.
 *
 * <p>Never throws: unsigned PDFs give {@code signed=false} and NO_SIGNATURE_FOUND; damaged or
 * non-PDF input gives {@code signed=false, valid=false}, FORMAT_FAILURE and no document number.
 * Thread-safe.
 */
public final class PdfVerifier {

  private static final Logger LOG = Logger.getLogger(PdfVerifier.class.getName());

  private final List<X509Certificate> trustAnchors;

  /** @param trustAnchors the roots whose seals are accepted (e.g. {@link SealAuthority#trustAnchors()}) */
  public PdfVerifier(List<X509Certificate> trustAnchors) {
    this.trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
  }

  public VerificationReport verify(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      return unreadable();
    }
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      String documentNumber =
          document.getDocumentInfo().getMoreInfo(OfficialDocumentRenderer.DOCUMENT_NUMBER_KEY);
      SignatureUtil signatures = new SignatureUtil(document);
      List<String> names = signatures.getSignatureNames();
      if (names.isEmpty()) {
        return new VerificationReport(
            false, false, false, documentNumber, List.of(), Indication.TOTAL_FAILED,
            SubIndication.NO_SIGNATURE_FOUND, SubIndication.NO_SIGNATURE_FOUND.message());
      }
      ValidationMaterial material = validationMaterial(document);
      List<VerificationReport.SignatureReport> reports = new ArrayList<>();
      for (String name : names) {
        reports.add(checkSignature(pdf, signatures, name, material));
      }
      boolean onlyPermittedChanges = revisionsPermitted(document);
      boolean intact =
          reports.stream().allMatch(VerificationReport.SignatureReport::intact)
              && onlyPermittedChanges;
      boolean valid =
          intact && reports.stream().allMatch(VerificationReport.SignatureReport::valid);
      SubIndication why = documentSubIndication(reports, onlyPermittedChanges);
      return new VerificationReport(
          true, intact, valid, documentNumber, List.copyOf(reports),
          why == null ? Indication.TOTAL_PASSED : why.indication(), why,
          why == null ? VerificationReport.PASSED_MESSAGE : why.message());
    } catch (Exception | StackOverflowError e) {
      // Garbage in, a negative report out: the verification page must not fail on bad uploads.
      LOG.log(Level.FINE, "not a readable PDF", e);
      return unreadable();
    }
  }

  private static VerificationReport unreadable() {
    return new VerificationReport(
        false, false, false, null, List.of(), Indication.TOTAL_FAILED,
        SubIndication.FORMAT_FAILURE, SubIndication.FORMAT_FAILURE.message());
  }

  /**
   * The document's reason, most serious first: a signature that failed for certain, then a
   * change after signing that signatures do not permit, then a signature that is indeterminate.
   * Null when everything passed.
   */
  private static SubIndication documentSubIndication(
      List<VerificationReport.SignatureReport> reports, boolean onlyPermittedChanges) {
    for (VerificationReport.SignatureReport report : reports) {
      if (report.indication() == Indication.TOTAL_FAILED) {
        return report.subIndication();
      }
    }
    if (!onlyPermittedChanges) {
      return SubIndication.NOT_COVERING_WHOLE_DOCUMENT;
    }
    for (VerificationReport.SignatureReport report : reports) {
      if (report.indication() == Indication.INDETERMINATE) {
        return report.subIndication();
      }
    }
    return null;
  }

  /**
   * Certificates, CRLs and the serial numbers OCSP responses speak of, from the document security
   * store (PAdES B-LT).
   */
  private record ValidationMaterial(
      List<X509Certificate> certificates,
      List<X509CRL> crls,
      Set<java.math.BigInteger> ocspSerials) {

    /** Revocation data for {@code certificate}: an OCSP response about it, or its issuer's CRL. */
    boolean covers(X509Certificate certificate) {
      return certificate != null
          && (ocspSerials.contains(certificate.getSerialNumber())
              || crls.stream().anyMatch(
                  crl -> crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())));
    }
  }

  private static ValidationMaterial validationMaterial(PdfDocument document) {
    List<X509Certificate> certificates = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    Set<java.math.BigInteger> ocspSerials = new java.util.HashSet<>();
    PdfDictionary dss = document.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
    if (dss == null) {
      return new ValidationMaterial(certificates, crls, ocspSerials);
    }
    for (byte[] der : streams(dss.getAsArray(PdfName.OCSPs))) {
      try {
        // The DSS holds BasicOCSPResponses (ISO 32000-2 12.8.4.3), or whole OCSPResponses.
        org.bouncycastle.asn1.ocsp.BasicOCSPResponse basic;
        org.bouncycastle.asn1.ASN1Primitive parsed =
            org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der);
        org.bouncycastle.asn1.ASN1Sequence sequence =
            org.bouncycastle.asn1.ASN1Sequence.getInstance(parsed);
        if (sequence.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Enumerated) {
          org.bouncycastle.asn1.ocsp.OCSPResponse response =
              org.bouncycastle.asn1.ocsp.OCSPResponse.getInstance(sequence);
          basic = org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(
              org.bouncycastle.asn1.ASN1OctetString.getInstance(
                  response.getResponseBytes().getResponse()).getOctets());
        } else {
          basic = org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(sequence);
        }
        for (org.bouncycastle.asn1.ASN1Encodable single :
            basic.getTbsResponseData().getResponses()) {
          ocspSerials.add(org.bouncycastle.asn1.ocsp.SingleResponse.getInstance(single)
              .getCertID().getSerialNumber().getValue());
        }
      } catch (Exception e) {
        LOG.log(Level.FINE, "unreadable OCSP response in DSS", e);
      }
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (byte[] der : streams(dss.getAsArray(PdfName.Certs))) {
        try {
          certificates.add(Certificates.parse(der));
        } catch (Exception e) {
          LOG.log(Level.FINE, "unreadable certificate in DSS", e);
        }
      }
      for (byte[] der : streams(dss.getAsArray(PdfName.CRLs))) {
        try {
          crls.add((X509CRL) factory.generateCRL(new ByteArrayInputStream(der)));
        } catch (Exception e) {
          LOG.log(Level.FINE, "unreadable CRL in DSS", e);
        }
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, "unreadable DSS", e);
    }
    return new ValidationMaterial(certificates, crls, ocspSerials);
  }

  private static List<byte[]> streams(PdfArray array) {
    List<byte[]> result = new ArrayList<>();
    if (array == null) {
      return result;
    }
    for (int i = 0; i < array.size(); i++) {
      PdfObject object = array.get(i);
      if (object instanceof PdfStream) {
        result.add(((PdfStream) object).getBytes());
      }
    }
    return result;
  }

  private VerificationReport.SignatureReport checkSignature(
      byte[] pdf, SignatureUtil signatures, String name, ValidationMaterial material) {
    PdfPKCS7 cms;
    try {
      cms = signatures.readSignatureData(name);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "unreadable signature " + name, e);
      cms = null;
    }
    if (cms == null) {
      return signatureReport(
          name, null, null, false, false, false, false, false, null,
          SubIndication.FORMAT_FAILURE);
    }
    X509Certificate signer = cms.getSigningCertificate();
    boolean coversWholeDocument = safe(() -> signatures.signatureCoversWholeDocument(name));
    boolean coversItsRevision = safe(() -> coversItsRevision(signatures, name));
    boolean cryptoCorrect = safe(cms::verifySignatureIntegrityAndAuthenticity);
    boolean intact = cryptoCorrect && coversItsRevision;
    // Checked in the order of ETSI EN 319 102-1: format, identification, integrity, then trust.
    SubIndication integrity =
        !coversItsRevision
            ? SubIndication.FORMAT_FAILURE
            : signer == null
                ? SubIndication.NO_SIGNING_CERTIFICATE_FOUND
                : !cryptoCorrect ? cryptoFailure(pdf, signatures, name) : null;

    Set<X509CRL> crls = new LinkedHashSet<>(material.crls());
    for (CRL crl : safeList(cms::getCRLs)) {
      if (crl instanceof X509CRL) {
        crls.add((X509CRL) crl);
      }
    }
    if (cms.isTsp()) {
      return documentTimestamp(name, cms, material, crls, coversWholeDocument, intact, integrity);
    }

    // Timestamp: present, matching this signature, signed by a trusted TSA.
    boolean timestampPresent = cms.getTimeStampTokenInfo() != null;
    boolean timestampMatches = timestampPresent && timestampVerifies(cms);
    Date timestampTime = timestampPresent ? toDate(cms.getTimeStampDate()) : null;
    boolean timestamped =
        timestampMatches
            && timestampTime != null
            && tsaCheck(cms.getTimestampSignatureContainer(), material, crls, timestampTime)
                .trusted();

    Date claimed = toDate(cms.getSignDate());
    Date checkedAt = timestamped ? timestampTime : new Date();
    Set<X509Certificate> pool = new LinkedHashSet<>();
    for (Certificate certificate : cms.getCertificates()) {
      pool.add((X509Certificate) certificate);
    }
    pool.addAll(material.certificates());
    CertificatePath.Result path =
        CertificatePath.check(
            signer, pool, trustAnchors, checkedAt, CertificatePath.Purpose.DOCUMENT_SIGNATURE, crls);
    if (!path.trusted()) {
      LOG.fine(() -> "signature " + name + " not trusted: " + path.reason());
    }
    // A timestamp that is present but does not match is a sign of tampering, not just "no time".
    SubIndication why =
        integrity != null
            ? integrity
            : timestampPresent && !timestampMatches
                ? SubIndication.INVALID_TIMESTAMP
                : trustFailure(path, timestamped);
    Date shownTime = timestamped ? timestampTime : claimed;
    return signatureReport(
        name, signer, shownTime, timestamped, coversWholeDocument, intact, path.trusted(),
        material.covers(signer), cms, why);
  }

  /**
   * A report whose {@code valid} and indication agree by construction: valid exactly when there
   * is no reason to fail.
   */
  private static VerificationReport.SignatureReport signatureReport(
      String name,
      X509Certificate signer,
      Date shownTime,
      boolean timestamped,
      boolean coversWholeDocument,
      boolean intact,
      boolean trusted,
      boolean validationData,
      PdfPKCS7 cms,
      SubIndication why) {
    return new VerificationReport.SignatureReport(
        name,
        signer == null ? null : Certificates.attribute(signer, BCStyle.CN),
        signer == null ? null : department(signer),
        shownTime == null ? null : shownTime.toInstant().toString(),
        timestamped,
        coversWholeDocument,
        intact,
        trusted,
        why == null,
        validationData,
        algorithmOf(signer, cms),
        why == null ? Indication.TOTAL_PASSED : why.indication(),
        why,
        why == null ? VerificationReport.SignatureReport.PASSED_MESSAGE : why.message());
  }

  /** The signed bytes changed (HASH_FAILURE), or else the signature value is wrong. */
  private static SubIndication cryptoFailure(byte[] pdf, SignatureUtil signatures, String name) {
    boolean changed;
    try {
      changed = SignedContentDigest.differs(pdf, signatures.getSignature(name));
    } catch (RuntimeException e) {
      changed = false;
    }
    return changed ? SubIndication.HASH_FAILURE : SubIndication.SIG_CRYPTO_FAILURE;
  }

  /**
   * Why a certificate path failed, in DSS terms. Whether the signing time is proven matters: an
   * expired or revoked certificate at a timestamp-proven time is a certain failure, at "now" it
   * only means the signature cannot be shown to predate the problem.
   */
  private static SubIndication trustFailure(CertificatePath.Result path, boolean timeProven) {
    if (path.trusted()) {
      return null;
    }
    switch (path.problem()) {
      case NO_SIGNING_CERTIFICATE:
        return SubIndication.NO_SIGNING_CERTIFICATE_FOUND;
      case NO_PATH_TO_ANCHOR:
        return SubIndication.NO_CERTIFICATE_CHAIN_FOUND;
      case EXPIRED:
        return timeProven ? SubIndication.EXPIRED : SubIndication.OUT_OF_BOUNDS_NO_POE;
      case NOT_YET_VALID:
        return timeProven ? SubIndication.NOT_YET_VALID : SubIndication.OUT_OF_BOUNDS_NO_POE;
      case REVOKED:
        return timeProven ? SubIndication.REVOKED : SubIndication.REVOKED_NO_POE;
      case WRONG_PURPOSE:
      case ISSUER_NOT_A_CA:
      case PATH_TOO_LONG:
      default:
        return SubIndication.CHAIN_CONSTRAINTS_FAILURE;
    }
  }

  /**
   * A document timestamp (ETSI.RFC3161, PAdES B-LTA): a TSA's token over the document bytes
   * rather than a seal. Reported as a signature by the TSA, trusted when the TSA chains to an
   * anchor.
   */
  private VerificationReport.SignatureReport documentTimestamp(
      String name,
      PdfPKCS7 token,
      ValidationMaterial material,
      Set<X509CRL> crls,
      boolean coversWholeDocument,
      boolean intact,
      SubIndication integrity) {
    Date time = toDate(token.getTimeStampDate());
    CertificatePath.Result path = time == null ? null : tsaCheck(token, material, crls, time);
    boolean trusted = path != null && path.trusted();
    // The token's own time is what it proves; a token without one is malformed.
    SubIndication why =
        integrity != null
            ? integrity
            : path == null ? SubIndication.FORMAT_FAILURE : trustFailure(path, true);
    return signatureReport(
        name, token.getSigningCertificate(), time, intact && trusted, coversWholeDocument, intact,
        trusted, material.covers(token.getSigningCertificate()), token, why);
  }

  /**
   * The byte ranges must span the signature's own revision completely (starting at byte 0, the
   * gap being exactly its /Contents): otherwise bytes of that revision were never signed.
   */
  private static boolean coversItsRevision(SignatureUtil signatures, String name)
      throws Exception {
    try (InputStream revision = signatures.extractRevision(name);
        PdfDocument signedRevision = new PdfDocument(new PdfReader(revision))) {
      return new SignatureUtil(signedRevision).signatureCoversWholeDocument(name);
    }
  }

  private static boolean timestampVerifies(PdfPKCS7 cms) {
    PdfPKCS7 token = cms.getTimestampSignatureContainer();
    return safe(cms::verifyTimestampImprint)
        && token != null
        && safe(token::verifySignatureIntegrityAndAuthenticity);
  }

  private CertificatePath.Result tsaCheck(
      PdfPKCS7 token, ValidationMaterial material, Set<X509CRL> crls, Date at) {
    if (token == null) {
      return CertificatePath.Result.fail(
          CertificatePath.Problem.NO_SIGNING_CERTIFICATE, "no timestamp token");
    }
    Set<X509Certificate> pool = new LinkedHashSet<>();
    for (Certificate certificate : token.getCertificates()) {
      pool.add((X509Certificate) certificate);
    }
    pool.addAll(material.certificates());
    CertificatePath.Result path =
        CertificatePath.check(
            token.getSigningCertificate(), pool, trustAnchors, at,
            CertificatePath.Purpose.TIMESTAMPING, crls);
    if (!path.trusted()) {
      LOG.fine(() -> "timestamp not trusted: " + path.reason());
    }
    return path;
  }

  /**
   * Whether every revision after the first signature only adds what is allowed after signing
   * (signatures, DSS validation data, annotations permitted by the signatures' DocMDP level).
   * Anything else — changed page content, replaced objects — makes the document not intact even
   * though each signature on its own still verifies.
   */
  private static boolean revisionsPermitted(PdfDocument document) {
    try {
      DocumentRevisionsValidator validator =
          new ValidatorChainBuilder().buildDocumentRevisionsValidator();
      ValidationContext context =
          new ValidationContext(
              ValidatorContext.DOCUMENT_REVISIONS_VALIDATOR,
              CertificateSource.SIGNER_CERT,
              TimeBasedContext.PRESENT);
      ValidationReport report = validator.validateAllDocumentRevisions(context, document);
      if (report.getValidationResult() != ValidationReport.ValidationResult.VALID) {
        LOG.fine(() -> "document revisions: " + report);
      }
      return report.getValidationResult() == ValidationReport.ValidationResult.VALID;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot check document revisions", e);
      return false;
    }
  }

  /**
   * The key and hash of a signature, "RSA/SHA-256", "ECDSA P-256/SHA-256", "SM2/SM3"; for keys
   * other than the portal's own kinds the key's algorithm name.
   */
  private static String algorithmOf(X509Certificate signer, PdfPKCS7 cms) {
    if (signer == null) {
      return null;
    }
    String key;
    try {
      SealAlgorithm algorithm = SealAlgorithm.of(signer);
      key = algorithm == SealAlgorithm.ECDSA_P256 ? "ECDSA P-256" : algorithm.name();
    } catch (SigningException | RuntimeException e) {
      key = signer.getPublicKey().getAlgorithm();
    }
    String digest = null;
    try {
      digest = cms == null ? null : cms.getDigestAlgorithmName();
    } catch (RuntimeException e) {
      // unknown digest: the key alone
    }
    if (digest == null) {
      return key;
    }
    return key + "/" + (digest.matches("SHA\\d+") ? "SHA-" + digest.substring(3) : digest);
  }

  private static String department(X509Certificate certificate) {
    String organisation = Certificates.attribute(certificate, BCStyle.O);
    return organisation != null ? organisation : Certificates.attribute(certificate, BCStyle.OU);
  }

  private static Date toDate(Calendar calendar) {
    if (calendar == null || calendar == TimestampConstants.UNDEFINED_TIMESTAMP_DATE) {
      return null;
    }
    return calendar.getTime();
  }

  @FunctionalInterface
  private interface Check {
    boolean run() throws Exception;
  }

  /** A check that throws (malformed data) counts as failed. */
  private static boolean safe(Check check) {
    try {
      return check.run();
    } catch (Exception e) {
      LOG.log(Level.FINE, "check failed", e);
      return false;
    }
  }

  @FunctionalInterface
  private interface ListSupplier<T> {
    java.util.Collection<T> get() throws Exception;
  }

  private static <T> java.util.Collection<T> safeList(ListSupplier<T> supplier) {
    try {
      java.util.Collection<T> result = supplier.get();
      return result == null ? List.of() : result;
    } catch (Exception e) {
      return List.of();
    }
  }
}
