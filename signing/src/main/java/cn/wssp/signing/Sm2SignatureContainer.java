package cn.wssp.signing;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.signatures.IExternalSignatureContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A PAdES (ETSI.CAdES.detached) signature container for SM2 seals, built with Bouncy Castle's CMS
 * because iText's own CMS builder knows neither SM2 nor SM3. The same CAdES baseline content as
 * iText writes for RSA: detached SignedData over the byte ranges, SM3 message digest, signed
 * attributes content-type, message-digest and signing-certificate-v2 (no signing-time: PAdES puts
 * the claimed time in the signature dictionary's /M), the whole chain, and — with a
 * {@link TimestampSource} — an RFC 3161 signature timestamp over the signature value as an
 * unsigned attribute (B-T). The SM2 signature itself is made by the {@link SealToken}, so the key
 * stays where it is kept.
 */
final class Sm2SignatureContainer implements IExternalSignatureContainer {

  private final SealToken token;
  private final TimestampSource timestamps;

  Sm2SignatureContainer(SealToken token, TimestampSource timestamps) {
    this.token = token;
    this.timestamps = timestamps;
  }

  /** Bytes to reserve in the PDF: the chain, the signed attributes and the timestamp token. */
  int estimatedSize() {
    int size = 4096;
    for (X509Certificate certificate : token.certificateChain()) {
      try {
        size += certificate.getEncoded().length + 64;
      } catch (GeneralSecurityException e) {
        size += 2048;
      }
    }
    return size + (timestamps == null ? 0 : timestamps.tokenSizeEstimate());
  }

  @Override
  public void modifySigningDictionary(PdfDictionary signatureDictionary) {
    signatureDictionary.put(PdfName.Filter, PdfName.Adobe_PPKLite);
    signatureDictionary.put(PdfName.SubFilter, PdfName.ETSI_CAdES_DETACHED);
  }

  @Override
  public byte[] sign(InputStream data) throws GeneralSecurityException {
    try {
      byte[] signedBytes = readFully(data);
      List<X509Certificate> chain = token.certificateChain();
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfoGenerator(chain.get(0)));
      generator.addCertificates(new JcaCertStore(chain));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);
      return (timestamps == null ? signed : withSignatureTimestamp(signed)).getEncoded("DER");
    } catch (SigningException e) {
      throw new SealTokenSignature.SealTokenFailure(e);
    } catch (IOException | CMSException | OperatorCreationException | RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SigningException) {
          throw new SealTokenSignature.SealTokenFailure((SigningException) t);
        }
      }
      throw new GeneralSecurityException("cannot build the SM2 signature: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the signed byte ranges. Not {@code InputStream.readAllBytes()}: iText's range stream
   * ignores the offset of {@code read(byte[], int, int)}, and readAllBytes, which reads at
   * growing offsets, then stops after the first 8 KiB — a signature over 8 KiB of the document.
   */
  private static byte[] readFully(InputStream data) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(256 * 1024);
    byte[] buffer = new byte[8192];
    for (int n = data.read(buffer); n > 0; n = data.read(buffer)) {
      all.write(buffer, 0, n);
    }
    return all.toByteArray();
  }

  private SignerInfoGenerator signerInfoGenerator(X509Certificate seal)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaSignerInfoGeneratorBuilder(
            new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
        .setSignedAttributeGenerator(new PadesSignedAttributes(signingCertificateV2(seal)))
        .setDirectSignature(false)
        .build(new TokenContentSigner(token), seal);
  }

  /** ESS signing-certificate-v2 (RFC 5035) binding the seal certificate by its SHA-256 hash. */
  private static Attribute signingCertificateV2(X509Certificate seal)
      throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(seal.getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(
            new GeneralNames(
                new GeneralName(X500Name.getInstance(seal.getIssuerX500Principal().getEncoded()))),
            seal.getSerialNumber());
    ESSCertIDv2 id =
        new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
    return new Attribute(
        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }

  /** Adds the TSA's token over the SM2 signature value (SHA-256 imprint) as unsigned attribute. */
  private CMSSignedData withSignatureTimestamp(CMSSignedData signed)
      throws SigningException, IOException {
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    byte[] imprint;
    try {
      imprint = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
    } catch (GeneralSecurityException e) {
      throw new SigningException("SHA-256 is not available", e);
    }
    byte[] timestampToken = timestamps.timestampToken(imprint);
    ASN1EncodableVector unsigned = new ASN1EncodableVector();
    unsigned.add(
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
            new DERSet(ASN1Primitive.fromByteArray(timestampToken))));
    SignerInformation stamped =
        SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }

  /** The signed attributes of a PAdES baseline signature, in DER set order. */
  private static final class PadesSignedAttributes implements CMSAttributeTableGenerator {
    private final Attribute signingCertificate;

    PadesSignedAttributes(Attribute signingCertificate) {
      this.signingCertificate = signingCertificate;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public AttributeTable getAttributes(Map parameters) {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(
          new Attribute(
              CMSAttributes.contentType,
              new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
      attributes.add(
          new Attribute(
              CMSAttributes.messageDigest,
              new DERSet(
                  new org.bouncycastle.asn1.DEROctetString(
                      (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
      attributes.add(signingCertificate);
      return new AttributeTable(attributes);
    }
  }

  /** Bouncy Castle's signer interface over the seal token: the token computes SM3withSM2. */
  private static final class TokenContentSigner implements ContentSigner {
    private static final AlgorithmIdentifier SM3_WITH_SM2 =
        new DefaultSignatureAlgorithmIdentifierFinder().find("SM3withSM2");
    private final SealToken token;
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

    TokenContentSigner(SealToken token) {
      this.token = token;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return SM3_WITH_SM2;
    }

    @Override
    public OutputStream getOutputStream() {
      return buffer;
    }

    @Override
    public byte[] getSignature() {
      try {
        return token.sign(buffer.toByteArray());
      } catch (SigningException e) {
        // Bouncy Castle's interface has no checked exception; sign() unwraps this again.
        throw new TokenFailure(e);
      }
    }
  }

  /** Carries the token's exception through Bouncy Castle's CMS generator. */
  static final class TokenFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenFailure(SigningException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
