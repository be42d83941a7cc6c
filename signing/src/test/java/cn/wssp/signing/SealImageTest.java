package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SealImageTest {

  @Test
  void rendersATransparentRedSealOfTheRequestedSize() throws Exception {
    byte[] png = SealImage.png("某某市市场监督管理局", 300);

    assertEquals(0x89, png[0] & 0xff, "PNG signature");
    assertEquals('P', png[1]);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(300, image.getWidth());
    assertEquals(300, image.getHeight());
    assertTrue(image.getColorModel().hasAlpha());

    int red = 0;
    int other = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int argb = image.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha < 128) {
          continue;
        }
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        if (r > 180 && g < 80 && b < 80) {
          red++;
        } else {
          other++;
        }
      }
    }
    assertTrue(red > 300 * 300 / 20, "plenty of red ink: " + red);
    assertEquals(0, other, "nothing but red ink");
    // Corners lie outside the ring: transparent so the document shows through.
    assertEquals(0, image.getRGB(0, 0) >>> 24);
    assertEquals(0, image.getRGB(299, 299) >>> 24);
    // The centre is the star: red.
    assertTrue((image.getRGB(150, 150) >>> 24) > 200, "star in the middle");
  }

  @Test
  void drawsTheNameSoDifferentDepartmentsLookDifferent() {
    BufferedImage a = SealImage.draw("某某市市场监督管理局", 200);
    BufferedImage b = SealImage.draw("某某市卫生健康委员会", 200);
    int differing = 0;
    for (int y = 0; y < 100; y++) { // the upper half carries the arched name
      for (int x = 0; x < 200; x++) {
        if ((a.getRGB(x, y) >>> 24 > 128) != (b.getRGB(x, y) >>> 24 > 128)) {
          differing++;
        }
      }
    }
    assertTrue(differing > 500, "names drawn in the upper arc: " + differing);
  }

  @Test
  void rejectsUnusableArguments() {
    assertThrows(IllegalArgumentException.class, () -> SealImage.png("", 200));
    assertThrows(IllegalArgumentException.class, () -> SealImage.png("某局", 8));
  }
}
