package cn.wssp.signing;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.LtvVerification;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps signed documents verifiable for decades (PAdES B-LTA, ETSI EN 319 142-1 §5.5): before the
 * newest timestamp's certificates expire, the document gets the validation data of that
 * timestamp in its DSS and then a new document timestamp (ETSI.RFC3161) over everything,
 * itself followed by its own validation data. Each step is an incremental update, so every
 * earlier signature and timestamp stays intact. Thread-safe.
 */
public final class ArchiveTimestamper {

  /** Field names of archive timestamps: "archive-ts-1", "archive-ts-2", ... */
  public static final String FIELD_PREFIX = "archive-ts-";

  private final TimestampSource timestamps;
  private final CrlSource crls;
  private final OcspSource ocsp;

  /**
   * @param timestamps the TSA for the new document timestamps
   * @param crls source of CRLs to embed (required: B-LTA without revocation data proves nothing)
   * @param ocsp source of OCSP responses to embed beside the CRLs, or null for none
   */
  public ArchiveTimestamper(TimestampSource timestamps, CrlSource crls, OcspSource ocsp) {
    if (timestamps == null || crls == null) {
      throw new IllegalArgumentException("archive timestamps need a TSA and a CRL source");
    }
    this.timestamps = timestamps;
    this.crls = crls;
    this.ocsp = ocsp;
  }

  /**
   * When the document's evidence needs renewing: the earliest expiry in the certificate chain
   * of its newest timestamp (a document timestamp, or lacking one the newest signature's
   * timestamp token). Empty for a document with no timestamp at all: there is nothing to keep
   * alive (it is not even B-T).
   *
   * <p>Only the timestamp's certificates count, not the nextUpdate of the embedded CRLs: a CRL
   * embedded as proof of status at signing time stays proof of that time after its nextUpdate,
   * and CRLs here are valid for days, so counting them would re-timestamp every document on
   * every sweep.
   *
   * @throws SigningException if {@code pdf} cannot be read
   */
  public static Optional<Instant> renewalDue(byte[] pdf) throws SigningException {
    if (pdf == null || pdf.length == 0) {
      throw new SigningException("no PDF to look for timestamps in");
    }
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      SignatureUtil signatures = new SignatureUtil(document);
      List<String> names = signatures.getSignatureNames(); // in signing order
      for (int i = names.size() - 1; i >= 0; i--) {
        PdfPKCS7 cms = signatures.readSignatureData(names.get(i));
        PdfPKCS7 token = cms.isTsp() ? cms : cms.getTimestampSignatureContainer();
        if (token != null) {
          return Optional.of(earliestExpiry(token));
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new SigningException("cannot read the PDF's timestamps: " + e.getMessage(), e);
    }
  }

  private static Instant earliestExpiry(PdfPKCS7 token) {
    Instant earliest = token.getSigningCertificate().getNotAfter().toInstant();
    for (Certificate c : token.getSignCertificateChain()) {
      if (c instanceof X509Certificate x && x.getNotAfter().toInstant().isBefore(earliest)) {
        earliest = x.getNotAfter().toInstant();
      }
    }
    return earliest;
  }

  /**
   * Returns {@code pdf} extended by one archive timestamp (see the class comment). The input is
   * not modified.
   *
   * @throws SigningException if the PDF cannot be read or has no signature, or the TSA, CRL or
   *     OCSP source fails
   */
  public byte[] extend(byte[] pdf) throws SigningException {
    if (pdf == null || pdf.length == 0) {
      throw new SigningException("no PDF to extend");
    }
    List<String> names = signatureNames(pdf);
    if (names.isEmpty()) {
      throw new SigningException("the PDF carries no signature whose evidence could be kept");
    }
    // The newest timestamp's status goes into the DSS before the new timestamp seals it.
    byte[] withData = addValidationData(pdf, names.get(names.size() - 1));
    String field = FIELD_PREFIX + (1 + names.stream().filter(n -> n.startsWith(FIELD_PREFIX)).count());
    byte[] stamped = timestamp(withData, field);
    return addValidationData(stamped, field);
  }

  private static List<String> signatureNames(byte[] pdf) throws SigningException {
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      return List.copyOf(new SignatureUtil(document).getSignatureNames());
    } catch (IOException | RuntimeException e) {
      throw new SigningException("cannot read the PDF to extend: " + e.getMessage(), e);
    }
  }

  private byte[] timestamp(byte[] pdf, String field) throws SigningException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
    try {
      PdfSigner signer = new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), out, null,
          new StampingProperties().useAppendMode());
      signer.timestamp(new TimestampSourceClient(timestamps), field);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new SigningException("cannot add the archive timestamp: " + e.getMessage(), e);
    }
  }

  private byte[] addValidationData(byte[] pdf, String field) throws SigningException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)),
        new PdfWriter(out), new StampingProperties().useAppendMode())) {
      LtvVerification ltv = new LtvVerification(document);
      ltv.addVerification(field, ocsp == null ? null : new OcspSourceClient(ocsp),
          new CrlSourceClient(crls), LtvVerification.CertificateOption.ALL_CERTIFICATES,
          ocsp == null ? LtvVerification.Level.CRL : LtvVerification.Level.OCSP_CRL,
          LtvVerification.CertificateInclusion.YES);
      ltv.merge();
    } catch (CrlSourceClient.CrlUnavailable e) {
      throw new SigningException("cannot get revocation data to embed: " + e.getMessage(),
          e.getCause());
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new SigningException("cannot add validation data (DSS): " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
