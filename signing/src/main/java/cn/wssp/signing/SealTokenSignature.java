package cn.wssp.signing;

import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ISignatureMechanismParams;
import java.security.GeneralSecurityException;

/**
 * Lets iText sign through a {@link SealToken}: iText prepares the CAdES signed attributes, the
 * token signs them. The private key stays inside the token (and later inside the HSM).
 */
final class SealTokenSignature implements IExternalSignature {

  private final SealToken token;
  private final String signatureAlgorithm;

  SealTokenSignature(SealToken token) throws SigningException {
    this.token = token;
    this.signatureAlgorithm = itextAlgorithmName(token.algorithm());
  }

  /** iText names the signature algorithm without the digest: "RSA", "ECDSA". */
  private static String itextAlgorithmName(SealAlgorithm algorithm) throws SigningException {
    switch (algorithm) {
      case RSA:
        return "RSA";
      case ECDSA_P256:
        return "ECDSA";
      default:
        // iText knows neither SM2 nor SM3: SM2 seals go through Sm2SignatureContainer.
        throw new SigningException(
            "seal algorithm " + algorithm + " is not signed through iText's CMS builder");
    }
  }

  @Override
  public String getDigestAlgorithmName() {
    // SealToken promises SHA-256, so the message digest in the CMS must be SHA-256 too.
    return "SHA-256";
  }

  @Override
  public String getSignatureAlgorithmName() {
    return signatureAlgorithm;
  }

  @Override
  public ISignatureMechanismParams getSignatureMechanismParameters() {
    return null;
  }

  @Override
  public byte[] sign(byte[] message) throws GeneralSecurityException {
    try {
      return token.sign(message);
    } catch (SigningException e) {
      throw new SealTokenFailure(e);
    }
  }

  /** Carries the token's own exception through iText, which only lets security exceptions pass. */
  static final class SealTokenFailure extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    SealTokenFailure(SigningException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
