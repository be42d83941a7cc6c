package cn.wssp.portal.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Files that are not materials (a picture, an executable, noise); material PDFs: {@link Materials}. */
final class TestFiles {
  private TestFiles() {}

  /** A Windows executable stub (MZ header, PE signature), as a renamed .exe would be. */
  static byte[] windowsExe() {
    byte[] exe = new byte[1024];
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(exe).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    exe[0] = 'M';
    exe[1] = 'Z';
    b.putInt(0x3c, 0x80);
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    b.putShort(0x84, (short) 0x014c);
    return exe;
  }

  static byte[] bytes(int size) {
    byte[] b = new byte[size];
    new java.util.Random(size).nextBytes(b);
    return b;
  }

  static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
