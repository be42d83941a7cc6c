package cn.wssp.signing;

import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.annot.PdfWidgetAnnotation;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.LtvVerification;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * Applies a department's seal to a PDF as a PAdES baseline signature (ETSI EN 319 142-1):
 * CAdES-detached CMS ({@code ETSI.CAdES.detached}), SHA-256, the signing certificate bound by
 * the ESS signing-certificate-v2 attribute, the whole certificate chain embedded, and the seal
 * image as the visible appearance at the {@link SealPlacement} the request names. Where that is
 * is the caller's business (for rendered decisions, {@code OfficialDocumentRenderer} tells);
 * this class only checks that the place exists and is free.
 *
 * <ul>
 *   <li>without a {@link TimestampSource}: PAdES B-B (signing time only claimed by the signer);
 *   <li>with one: B-T, an RFC 3161 timestamp over the signature value;
 *   <li>with a timestamp and a {@link CrlSource}: B-LT, CRLs (and, with an {@link OcspSource},
 *       OCSP responses) and certificates for the signature and timestamp chains in the document
 *       security store (DSS), added as a further incremental update.
 * </ul>
 *
 * Every signature is an incremental update (append mode), so the departments of a joint decision
 * sign one after another and each earlier signature stays valid. Thread-safe.
 */
public final class PadesSigner {

  /** Seal image resolution: 600 px over 42 mm is about 360 dpi, sharp on paper. */
  private static final int SEAL_IMAGE_PX = 600;
  private static final String SIGNATURE_CREATOR = "网上审批 (wssp signing)";
  private static final int SEAL_IMAGE_CACHE_LIMIT = 256;
  private static final java.util.concurrent.ConcurrentMap<String, byte[]> SEAL_IMAGES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final TimestampSource timestamps;
  private final CrlSource crls;
  private final OcspSource ocsp;

  /** Signs without timestamp or revocation data (PAdES B-B). */
  public PadesSigner() {
    this(null, null);
  }

  /** @param timestamps source of RFC 3161 timestamps, or null for none */
  public PadesSigner(TimestampSource timestamps) {
    this(timestamps, null);
  }

  /**
   * @param timestamps source of RFC 3161 timestamps, or null for none
   * @param crls source of CRLs to embed (DSS), or null for none
   */
  public PadesSigner(TimestampSource timestamps, CrlSource crls) {
    this(timestamps, crls, null);
  }

  /**
   * @param timestamps source of RFC 3161 timestamps, or null for none
   * @param crls source of CRLs to embed (DSS), or null for none
   * @param ocsp source of OCSP responses to embed beside the CRLs (DSS), or null for none
   */
  public PadesSigner(TimestampSource timestamps, CrlSource crls, OcspSource ocsp) {
    this.timestamps = timestamps;
    this.crls = crls;
    this.ocsp = ocsp;
  }

  /**
   * Returns {@code pdf} with one more signature, made with {@code token}, in the field and at
   * the seal placement named by {@code request}. The input is not modified.
   *
   * @throws SigningException if the request is incomplete, the PDF cannot be read or is
   *     encrypted, the field exists already, the placement is off the page or already carries a
   *     signature, or the token, timestamp or CRL source fails
   */
  public byte[] sign(byte[] pdf, SealToken token, SignatureRequest request)
      throws SigningException {
    validate(pdf, token, request);
    Rectangle place = checkPlaceIsFree(pdf, request);
    byte[] signed = applySignature(pdf, token, request, place);
    return crls == null ? signed : addValidationData(signed, request.fieldName());
  }

  private static void validate(byte[] pdf, SealToken token, SignatureRequest request)
      throws SigningException {
    if (pdf == null || pdf.length == 0) {
      throw new SigningException("no PDF to sign");
    }
    if (token == null || token.certificateChain() == null || token.certificateChain().isEmpty()) {
      throw new SigningException("no seal (or a seal without certificate) to sign with");
    }
    if (request == null) {
      throw new SigningException("no signature request");
    }
    if (request.fieldName() == null || request.fieldName().isBlank()
        || request.fieldName().contains(".")) {
      throw new SigningException(
          "the signature field name must be non-empty and contain no '.': " + request.fieldName());
    }
    if (request.departmentName() == null || request.departmentName().isBlank()) {
      throw new SigningException("the department whose seal is applied must be named");
    }
    if (request.placement() == null) {
      throw new SigningException("the request does not say where the seal goes (placement)");
    }
    X509Certificate seal = token.certificateChain().get(0);
    try {
      seal.checkValidity();
    } catch (GeneralSecurityException e) {
      throw new SigningException(
          "the seal certificate " + seal.getSubjectX500Principal().getName()
              + " is not valid now: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the document before the expensive part and returns the seal's rectangle: the page
   * must exist, the seal must lie on it, and no earlier signature may already occupy the place.
   */
  private static Rectangle checkPlaceIsFree(byte[] pdf, SignatureRequest request)
      throws SigningException {
    SealPlacement placement = request.placement();
    Rectangle wanted =
        new Rectangle(placement.x(), placement.y(), placement.width(), placement.height());
    try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      if (document.getReader().isEncrypted()) {
        throw new SigningException("encrypted PDFs are not signed: issue documents unencrypted");
      }
      int page = placement.page();
      if (page > document.getNumberOfPages()) {
        throw new SigningException(
            "the seal is placed on page " + page + " but the document has "
                + document.getNumberOfPages() + " page(s)");
      }
      Rectangle pageBox = document.getPage(page).getCropBox();
      if (!pageBox.contains(wanted)) {
        // Outside the visible page a seal would be signed but never seen: refuse, as DSS does.
        throw new SigningException(
            "the seal " + describe(wanted) + " does not lie within page " + page + " "
                + describe(pageBox));
      }
      PdfAcroForm form = PdfAcroForm.getAcroForm(document, false);
      Map<String, PdfFormField> fields = form == null ? Map.of() : form.getAllFormFields();
      if (fields.containsKey(request.fieldName())) {
        throw new SigningException(
            "the document already has a field named '" + request.fieldName() + "'");
      }
      for (Map.Entry<String, PdfFormField> field : fields.entrySet()) {
        if (!PdfName.Sig.equals(field.getValue().getFormType())) {
          continue;
        }
        for (PdfWidgetAnnotation widget : field.getValue().getWidgets()) {
          Rectangle rect = widget.getRectangle() == null ? null : widget.getRectangle().toRectangle();
          if (rect != null
              && widget.getPage() != null
              && document.getPageNumber(widget.getPage()) == page
              && overlapsMostly(rect, wanted)) {
            throw new SigningException(
                "the seal place " + describe(wanted) + " on page " + page
                    + " already carries the signature '" + field.getKey() + "'");
          }
        }
      }
      return wanted;
    } catch (IOException | RuntimeException e) {
      throw new SigningException("cannot read the PDF to sign: " + e.getMessage(), e);
    }
  }

  private static String describe(Rectangle r) {
    return String.format(
        java.util.Locale.ROOT, "[x=%.1f y=%.1f w=%.1f h=%.1f]",
        r.getX(), r.getY(), r.getWidth(), r.getHeight());
  }

  private static boolean overlapsMostly(Rectangle a, Rectangle b) {
    Rectangle overlap = a.getIntersection(b);
    return overlap != null
        && overlap.getWidth() * overlap.getHeight() > 0.5f * b.getWidth() * b.getHeight();
  }

  private byte[] applySignature(
      byte[] pdf, SealToken token, SignatureRequest request, Rectangle place)
      throws SigningException {
    ImageData sealImage =
        ImageDataFactory.create(sealImagePng(request.departmentName(), purposeOf(token)));
    // Scaled up front: laid out at its pixel size the image would overflow the field first and
    // make iText log "Element does not fit current area" on every signature.
    // The field keeps iText's default 2 pt padding on each side; leave a little slack on top.
    Image seal = new Image(sealImage).scaleToFit(place.getWidth() - 6, place.getHeight() - 6);
    SignatureFieldAppearance appearance =
        new SignatureFieldAppearance(SignerProperties.IGNORED_ID).setContent(new Div().add(seal));
    SignerProperties properties =
        new SignerProperties()
            .setFieldName(request.fieldName())
            .setPageNumber(request.placement().page())
            .setPageRect(place)
            .setSignatureAppearance(appearance)
            .setReason(request.reason())
            .setLocation(request.location())
            .setSignatureCreator(SIGNATURE_CREATOR)
            .setClaimedSignDate(Calendar.getInstance());
    List<X509Certificate> chain = token.certificateChain();
    ITSAClient tsa = timestamps == null ? null : new TimestampSourceClient(timestamps);
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
    try {
      PdfSigner signer =
          new PdfSigner(
              new PdfReader(new ByteArrayInputStream(pdf)),
              out,
              null,
              new StampingProperties().useAppendMode(),
              properties);
      if (request.signerName() != null && !request.signerName().isBlank()) {
        // /Name: the person who applied the seal; the certificate names the department's seal.
        signer.setSignatureEvent(dictionary -> dictionary.setName(request.signerName().strip()));
      }
      if (token.algorithm() == SealAlgorithm.SM2) {
        Sm2SignatureContainer container = new Sm2SignatureContainer(token, timestamps);
        signer.signExternalContainer(container, container.estimatedSize());
      } else {
        signer.signDetached(
            new BouncyCastleDigest(),
            new SealTokenSignature(token),
            chain.toArray(new Certificate[0]),
            null,
            null,
            tsa,
            0,
            PdfSigner.CryptoStandard.CADES);
      }
      return out.toByteArray();
    } catch (SealTokenSignature.SealTokenFailure e) {
      throw (SigningException) e.getCause();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      SigningException cause = findCause(e, SigningException.class);
      if (cause != null) {
        throw new SigningException("signing failed: " + cause.getMessage(), cause);
      }
      throw new SigningException("cannot sign the PDF: " + e.getMessage(), e);
    }
  }

  /**
   * Adds CRLs and certificates for every certificate of the new signature and of its timestamp
   * to the document security store (PAdES B-LT), in a further incremental update that leaves the
   * signature intact.
   */
  private byte[] addValidationData(byte[] signed, String fieldName) throws SigningException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(signed.length + 16 * 1024);
    try (PdfDocument document =
        new PdfDocument(
            new PdfReader(new ByteArrayInputStream(signed)),
            new PdfWriter(out),
            new StampingProperties().useAppendMode())) {
      LtvVerification ltv = new LtvVerification(document);
      // OCSP where the CA answers it (the seal), and CRLs for every certificate all the same:
      // verifiers that only read CRLs keep working.
      ltv.addVerification(
          fieldName,
          ocsp == null ? null : new OcspSourceClient(ocsp),
          new CrlSourceClient(crls),
          LtvVerification.CertificateOption.ALL_CERTIFICATES,
          ocsp == null ? LtvVerification.Level.CRL : LtvVerification.Level.OCSP_CRL,
          LtvVerification.CertificateInclusion.YES);
      ltv.merge();
    } catch (CrlSourceClient.CrlUnavailable e) {
      throw new SigningException("cannot get revocation data to embed: " + e.getMessage(), e.getCause());
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new SigningException("cannot add validation data (DSS): " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The seal image for a department and purpose, drawn once and kept: drawing, fading and
   * encoding 600 × 600 px took about a tenth of a decision's time (docs/PERFORMANCE.md). The PNG
   * bytes are kept, not iText's ImageData, which iText alters while embedding it in a document.
   * A center has a few dozen departments; the bound only guards against unexpected growth.
   */
  private static byte[] sealImagePng(String departmentName, String purpose) {
    String key = departmentName.strip() + '\n' + purpose;
    byte[] png = SEAL_IMAGES.get(key);
    if (png == null) {
      if (SEAL_IMAGES.size() >= SEAL_IMAGE_CACHE_LIMIT) {
        SEAL_IMAGES.clear();
      }
      png = SealImage.png(departmentName, purpose, SEAL_IMAGE_PX);
      SEAL_IMAGES.put(key, png);
    }
    return png;
  }

  /** The image shows the purpose the certificate names (受理专用章 for the center's seal). */
  private static String purposeOf(SealToken token) {
    String cn =
        Certificates.attribute(
            token.certificateChain().get(0), org.bouncycastle.asn1.x500.style.BCStyle.CN);
    return cn != null && cn.endsWith(" " + SealAuthority.CENTER_SEAL_TITLE)
        ? SealAuthority.CENTER_SEAL_TITLE
        : SealImage.PURPOSE;
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
