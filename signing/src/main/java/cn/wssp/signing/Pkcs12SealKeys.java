package cn.wssp.signing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/** Seal keys in {@code seals.p12} next to the CA (the embedded default). */
final class Pkcs12SealKeys implements SealKeys {

  private final PkiKeyStore store;

  Pkcs12SealKeys(PkiKeyStore store) {
    this.store = store;
  }

  @Override
  public SealToken load(String alias) throws SigningException {
    return store.loadEntry(alias);
  }

  @Override
  public SealToken create(String alias, SealAlgorithm algorithm, Certifier certifier)
      throws SigningException {
    KeyPair pair = algorithm.newKeyPair();
    Pkcs12SealToken seal = new Pkcs12SealToken(pair.getPrivate(), certifier.certify(pair.getPublic()));
    store.saveEntry(alias, seal);
    return seal;
  }

  @Override
  public List<X509Certificate> storedCertificates() throws SigningException {
    return store.storedCertificates();
  }
}
