package cn.wssp.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance this module uses where the JDK lacks an algorithm
 * (SM2, SM3, certificates on the SM2 curve). Passed explicitly to the JCA calls that need it,
 * never installed with {@code Security.addProvider}: inside an application server a global
 * provider list change would affect every other application.
 */
final class BouncyCastle {

  static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
