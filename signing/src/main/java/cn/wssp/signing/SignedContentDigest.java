package cn.wssp.signing;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.signatures.PdfSignature;
import java.security.MessageDigest;
import java.util.Iterator;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Tells a changed document from a broken signature value. iText's one integrity check fails in
 * both cases; DSS reports them apart (HASH_FAILURE: the signed bytes changed; SIG_CRYPTO_FAILURE:
 * the signature itself does not verify), and so does the verification page: "someone edited this
 * file" is a different message from "this seal is damaged or forged".
 */
final class SignedContentDigest {

  private SignedContentDigest() {}

  /**
   * True only when it can be shown that the bytes named by the signature's /ByteRange no longer
   * have the digest recorded in its CMS messageDigest attribute. False when they match, and when
   * it cannot be told (no signed attributes, unreadable CMS, unknown digest algorithm).
   */
  static boolean differs(byte[] pdf, PdfSignature signature) {
    try {
      CMSSignedData cms = new CMSSignedData(signature.getContents().getValueBytes());
      Iterator<SignerInformation> signers = cms.getSignerInfos().getSigners().iterator();
      if (!signers.hasNext()) {
        return false;
      }
      SignerInformation signer = signers.next();
      AttributeTable attributes = signer.getSignedAttributes();
      Attribute recorded = attributes == null ? null : attributes.get(CMSAttributes.messageDigest);
      if (recorded == null) {
        return false;
      }
      byte[] expected =
          ASN1OctetString.getInstance(recorded.getAttrValues().getObjectAt(0)).getOctets();
      MessageDigest digest = digest(signer.getDigestAlgOID());
      PdfArray ranges = signature.getByteRange();
      for (int i = 0; i + 1 < ranges.size(); i += 2) {
        long start = ranges.getAsNumber(i).longValue();
        long length = ranges.getAsNumber(i + 1).longValue();
        if (start < 0 || length < 0 || start + length > pdf.length) {
          return true; // signed bytes are missing from the file: it was cut or rewritten
        }
        digest.update(pdf, (int) start, (int) length);
      }
      return !MessageDigest.isEqual(expected, digest.digest());
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The digest by OID: the JDK knows its own by OID too (2.16.840.1.101.3.4.2.1 is SHA-256),
   * Bouncy Castle the national SM3 (1.2.156.10197.1.401).
   */
  private static MessageDigest digest(String oid) throws java.security.NoSuchAlgorithmException {
    try {
      return MessageDigest.getInstance(oid);
    } catch (java.security.NoSuchAlgorithmException e) {
      return MessageDigest.getInstance(oid, BouncyCastle.PROVIDER);
    }
  }
}
