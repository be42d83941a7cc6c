package cn.wssp.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A seal whose private key is an object on a PKCS#11 token (an HSM, or SoftHSM in tests): the
 * JVM holds only a handle, every signature is computed by the token, and the key — generated on
 * the token as sensitive and not extractable — never leaves it.
 */
public final class Pkcs11SealToken implements SealToken {

  private final Provider provider;
  private final PrivateKey key;
  private final List<X509Certificate> chain;

  Pkcs11SealToken(Provider provider, PrivateKey key, List<X509Certificate> chain) {
    if (provider == null || key == null || chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("a PKCS#11 seal needs its provider, key handle and chain");
    }
    this.provider = provider;
    this.key = key;
    this.chain = List.copyOf(chain);
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /** The key handle, for tests that check it is sensitive and not extractable. */
  PrivateKey keyHandle() {
    return key;
  }

  @Override
  public byte[] sign(byte[] data) throws SigningException {
    try {
      Signature signature =
          Signature.getInstance(algorithm().jcaSignatureName(), provider);
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new SigningException("the HSM could not sign with the seal key (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String toString() {
    return "Pkcs11SealToken[" + chain.get(0).getSubjectX500Principal().getName() + "]";
  }
}
