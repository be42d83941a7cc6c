package cn.wssp.signing;

import com.itextpdf.signatures.ITSAClient;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** Presents a {@link TimestampSource} to iText as its timestamp client, always with SHA-256. */
final class TimestampSourceClient implements ITSAClient {

  private final TimestampSource source;

  TimestampSourceClient(TimestampSource source) {
    this.source = source;
  }

  @Override
  public int getTokenSizeEstimate() {
    return source.tokenSizeEstimate();
  }

  @Override
  public MessageDigest getMessageDigest() throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256");
  }

  @Override
  public byte[] getTimeStampToken(byte[] imprint) throws Exception {
    return source.timestampToken(imprint);
  }
}
